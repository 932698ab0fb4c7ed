using CareDesk.Features.Complaints.Exports;

namespace CareDesk.Tests.Features.Complaints.Exports;

// Each regulator's form, filled from a realistic report: the right block gets the right value, in the form's language
// and date convention, and what the care center does not know stays blank.
public sealed class ReportFormTests
{
    [Fact]
    public void The_3500A_fills_patient_event_device_reporter_and_manufacturer_blocks_in_English_with_FDA_dates()
    {
        var sheet = ReportForms.Sheet(ReportForms.Fda3500A, ComplaintReports.Chinese())!;

        Assert.Equal("en", sheet.Language);
        Assert.Equal(["A", "B", "D", "E", "G", "H"], sheet.Sections.Select(s => s.Code));
        Assert.Equal("K7M3-Q9XA", sheet.Value("A1"));
        Assert.Equal("77 years / 20-May-1948", sheet.Value("A2"));
        Assert.Equal("Male", sheet.Value("A3"));
        Assert.Equal("Adverse event, Product problem (e.g., defects/malfunctions)", sheet.Value("B1"));
        Assert.Equal("Hospitalization – initial or prolonged, Required intervention to prevent permanent impairment/damage (devices)", sheet.Value("B2"));
        Assert.Equal("01-Mar-2026", sheet.Value("B3"));
        Assert.Equal("04-Mar-2026", sheet.Value("B4"));
        Assert.StartsWith("我爸半夜血糖很低", sheet.Value("B5"), StringComparison.Ordinal);
        Assert.Null(sheet.Value("B6"));
        Assert.Equal("i3", sheet.Value("D1"));
        Assert.Contains(sheet.Fields, f => f.Code == "D4" && f.Label == "Serial #" && f.Value == "SN2603-00417");
        Assert.Contains(sheet.Fields, f => f.Code == "D4" && f.Label == "Lot #" && f.Value == "L2601-88");
        Assert.Contains(sheet.Fields, f => f.Code == "D4" && f.Label.StartsWith("Unique Identifier", StringComparison.Ordinal) && f.Value!.StartsWith("(01)06972831640014", StringComparison.Ordinal));
        Assert.Equal("Lay user/patient", sheet.Value("D5"));
        Assert.Equal("Returned to manufacturer on 06-Mar-2026 (RMA RMA-2603-0042)", sheet.Value("D10"));
        Assert.Equal("No", sheet.Value("E2"));
        Assert.Equal("Consumer", sheet.Value("G3"));
        // Awareness 08:15 in Shanghai is 2 March there, though it was still 1 March in UTC.
        Assert.Equal("02-Mar-2026", sheet.Value("G4"));
        Assert.Equal("K7M3-Q9XA", sheet.Value("G9"));
        Assert.Equal("Serious injury", sheet.Value("H1"));
        Assert.Contains(sheet.Fields, f => f.Code == "H6" && f.Value == "A160102 No Audible Alarm");
        Assert.Contains(sheet.Fields, f => f.Code == "H6" && f.Value == "B01 Testing of Actual/Suspected Device; C1002 Design Error; D0101 Design Inadequate for Purpose");
    }

    [Fact]
    public void The_3500A_writes_the_files_outcome_return_investigation_and_closure_in_English_and_the_configured_contact_office()
    {
        var chinese = ReportForms.Sheet(ReportForms.Fda3500A, ComplaintReports.Chinese())!;
        var english = ReportForms.Sheet(ReportForms.Fda3500A, ComplaintReports.English())!;

        Assert.EndsWith("\nPatient outcome: Recovered/resolved", chinese.Value("B5"), StringComparison.Ordinal);
        Assert.EndsWith("\nPatient outcome: Recovering/resolving", english.Value("B5"), StringComparison.Ordinal);
        Assert.Equal("Returned to manufacturer on 06-Mar-2026 (RMA RMA-2603-0042)", chinese.Value("D10"));
        Assert.Equal("Yes", chinese.Value("H3"));
        Assert.Equal(
            "传感器日志显示 02:10–05:40 读数低于 3.0 mmol/L，低血糖报警未触发。\nRoot cause: 报警阈值固件在时区切换后复位。\n"
            + "Returned device analysis: 复现：时区切换后报警阈值被清零。\nConclusion: Fault confirmed and corrected. 固件 2.3.1 起不再复位。",
            chinese.Value("H10"));
        // G1 from the settings when they name the MDR contact office; else the maker from the catalog.
        Assert.Equal("MiniMed MDR Contact Office, Jane Doe, 18000 Devonshire Street, Northridge, CA, 91325, US, +1 818 555 0100, mdr@example.com", english.Value("G1"));
        Assert.Equal("Sinocare, CN", chinese.Value("G1"));
        // No form has a field for the reply to the complainant.
        Assert.DoesNotContain(chinese.Fields, f => f.Value?.Contains("王女士您好", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_MIR_writes_outcome_involvement_return_and_final_conclusion_and_the_NMPA_form_the_same_in_Chinese()
    {
        var mir = ReportForms.Sheet(ReportForms.EuMir, ComplaintReports.Chinese())!;
        var nmpa = ReportForms.Sheet(ReportForms.CnNmpa, ComplaintReports.Chinese())!;
        var nmpaEnglish = ReportForms.Sheet(ReportForms.CnNmpa, ComplaintReports.English())!;

        Assert.Contains(mir.Fields, f => f.Label == "Patient outcome" && f.Value == "Recovered/resolved");
        Assert.Contains(mir.Fields, f => f.Code == "3.4" && f.Label == "Patient involved" && f.Value == "Yes");
        Assert.Contains(mir.Fields, f => f.Label == "Device returned / analysis result" && f.Value == "RMA RMA-2603-0042; sent 2026-03-03; received 2026-03-06; 复现：时区切换后报警阈值被清零。");
        Assert.Contains(mir.Fields, f => f.Label == "Manufacturer's final conclusion" && f.Value == "Fault confirmed and corrected. 固件 2.3.1 起不再复位。");
        Assert.Contains(mir.Fields, f => f.Code == "4.1" && f.Value == "B01 Testing of Actual/Suspected Device; C1002 Design Error; D0101 Design Inadequate for Purpose");

        Assert.Equal("痊愈；E1206 Hypoglycemia", nmpa.Value("伤害表现"));
        Assert.Equal("好转；E1205 Hyperglycemia", nmpaEnglish.Value("伤害表现"));
        Assert.Equal("退货编号RMA-2603-0042，2026年3月3日寄出，2026年3月6日收到", nmpa.Value("产品退回"));
        Assert.Equal("确认产品故障，已纠正；固件 2.3.1 起不再复位。", nmpa.Value("评价结论"));
        Assert.Null(nmpaEnglish.Value("评价结论"));
    }

    [Fact]
    public void The_MIR_7_3_1_uses_ISO_dates_the_EU_classification_and_IMDRF_codes_per_section()
    {
        var sheet = ReportForms.Sheet(ReportForms.EuMir, ComplaintReports.English())!;

        Assert.Equal("en", sheet.Language);
        Assert.Equal(["1", "2", "3", "4"], sheet.Sections.Select(s => s.Code));
        Assert.Equal("2026-06-10", sheet.Value("1.2a"));
        Assert.Equal("2026-06-07", sheet.Value("1.2b"));
        Assert.Equal("2026-06-08", sheet.Value("1.2c"));
        Assert.Equal("Unanticipated serious deterioration in state of health", sheet.Value("1.2g"));
        Assert.Equal("Competent authority of IE", sheet.Value("1.1a"));
        Assert.Equal("P4WZ-H2RN", sheet.Value("1.3.1b"));
        Assert.Equal("00763000485316", sheet.Value("2.1"));
        Assert.Equal("MDR class IIb", sheet.Value("2.2"));
        Assert.Contains(sheet.Fields, f => f.Code == "3.1" && f.Value == "A160102 No Audible Alarm");
        Assert.Contains(sheet.Fields, f => f.Code == "3.2" && f.Value == "E1205 Hyperglycemia");
        Assert.Contains(sheet.Fields, f => f.Code == "3.4" && f.Label == "Patient gender" && f.Value == "Female");
        // Nothing investigated yet: section 4 is quality's to write.
        Assert.All(sheet.Sections.Single(s => s.Code == "4").Fields, f => Assert.Null(f.Value));
    }

    [Fact]
    public void The_FSCA_form_carries_the_device_the_affected_unit_and_the_incident_behind_it_and_leaves_the_action_blank()
    {
        var sheet = ReportForms.Sheet(ReportForms.EuFsca, ComplaintReports.Chinese())!;

        Assert.Equal("en", sheet.Language);
        Assert.Equal("SN2603-00417 / L2601-88", sheet.Value("6e"));
        Assert.Equal("2026-01-12 / 2027-01-31", sheet.Value("6f"));
        Assert.Equal("K7M3-Q9XA", sheet.Value("7b"));
        Assert.EndsWith("报警阈值固件在时区切换后复位。", sheet.Value("7a"), StringComparison.Ordinal);
        Assert.Null(sheet.Value("7d"));
    }

    [Fact]
    public void The_NMPA_form_is_in_Chinese_with_Chinese_dates_the_harm_class_and_the_callers_words()
    {
        var sheet = ReportForms.Sheet(ReportForms.CnNmpa, ComplaintReports.Chinese())!;

        Assert.Equal(("zh-CN", "注册人医疗器械不良事件报告表"), (sheet.Language, sheet.Title));
        Assert.Equal("三诺生物", sheet.Value("单位名称"));
        Assert.Equal("境内", sheet.Value("发生地点"));
        Assert.Equal("三诺 iCan i3 动态血糖监测系统", sheet.Value("产品名称"));
        Assert.Equal("国械注准20233070001", sheet.Value("注册证编号"));
        Assert.Equal("III类", sheet.Value("管理类别"));
        Assert.Equal("L2601-88", sheet.Value("产品批号"));
        Assert.Equal("2026年3月1日", sheet.Value("事件发生日期"));
        Assert.Equal("2026年3月2日", sheet.Value("发现或获知日期"));
        Assert.Equal("严重伤害", sheet.Value("伤害"));
        Assert.Equal("A160102 No Audible Alarm", sheet.Value("器械故障表现"));
        Assert.Equal("我爸半夜血糖很低，传感器一直没报警，早上发现他说话含糊，送到医院急诊住了一晚。", sheet.Value("事件陈述"));
        Assert.Equal(("王建国", "77岁", "男"), (sheet.Value("姓名"), sheet.Value("年龄"), sheet.Value("性别")));
        Assert.Equal("家庭", sheet.Value("使用场所"));
        Assert.Equal("是", sheet.Value("是否开展调查"));
        Assert.All(sheet.Sections, s => Assert.Matches(@"^[一二三四五六七]、", s.Title));
    }

    [Fact]
    public void An_English_event_abroad_is_marked_overseas_on_the_NMPA_form()
    {
        var sheet = ReportForms.Sheet(ReportForms.CnNmpa, ComplaintReports.English())!;

        Assert.Equal(("境外", "GB", "女"), (sheet.Value("发生地点"), sheet.Value("发生地"), sheet.Value("性别")));
        Assert.Equal("MiniMed 780G 胰岛素泵", sheet.Value("产品名称"));
        Assert.Null(sheet.Value("伤害"));
    }

    [Fact]
    public void A_report_that_knows_little_leaves_the_forms_blank_rather_than_guessing()
    {
        var sparse = ComplaintReports.English() with
        {
            Patient = null,
            Event = ComplaintReports.English().Event with { EventDate = null, Facts = new Dictionary<string, CareDesk.Features.Complaints.Reportability.FactValue>(), EventClasses = new Dictionary<string, string>() },
        };

        var fda = ReportForms.Sheet(ReportForms.Fda3500A, sparse)!;
        var mir = ReportForms.Sheet(ReportForms.EuMir, sparse)!;

        Assert.All(new[] { fda.Value("A1"), fda.Value("B1"), fda.Value("B2"), fda.Value("B3"), fda.Value("H1") }, Assert.Null);
        Assert.All(new[] { mir.Value("1.2b"), mir.Value("1.2g") }, Assert.Null);
        var unknown = sparse with { Event = sparse.Event with { PatientInvolvement = null, PatientOutcome = null } };
        Assert.EndsWith("A&E that night.", ReportForms.Sheet(ReportForms.Fda3500A, unknown)!.Value("B5"), StringComparison.Ordinal);
        Assert.Contains(ReportForms.Sheet(ReportForms.EuMir, unknown)!.Fields, f => f.Label == "Patient outcome" && f.Value is null);
        Assert.Null(ReportForms.Sheet(ReportForms.FdaEmdr, sparse));
    }
}
