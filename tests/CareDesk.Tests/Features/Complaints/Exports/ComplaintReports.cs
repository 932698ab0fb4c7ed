using CareDesk.Features.Complaints.Exports;
using CareDesk.Features.Complaints.Reportability;
using F = CareDesk.Features.Complaints.Reportability.GuidedFacts;

namespace CareDesk.Tests.Features.Complaints.Exports;

/// <summary>Realistic filled reports (story 4): a CGM that did not alarm at night, told in Chinese and in English.</summary>
internal static class ComplaintReports
{
    /// <summary>王丽 calls about her father: his CGM gave no low alarm, he was found confused at night and taken to hospital.</summary>
    public static ComplaintReport Chinese() => new(
        Guid.Parse("0193a9f2-1111-7000-8000-000000000001"),
        "K7M3-Q9XA",
        new DateOnly(2026, 3, 4),
        new ReportManufacturer("Sinocare", "三诺生物", "CN"),
        new ReportDevice(
            "sinocare-ican-i3", "i3", "iCan i3 Continuous Glucose Monitoring System", "三诺 iCan i3 动态血糖监测系统", "CGM-I3",
            "SN2603-00417", "L2601-88", "06972831640014", "(01)06972831640014(17)270131(10)L2601-88(21)SN2603-00417",
            new DateOnly(2027, 1, 31), new DateOnly(2026, 1, 12), "device", null, null, "MDR", "IIb", "III", "国械注准20233070001"),
        new ReportEvent(
            new DateOnly(2026, 3, 1),
            new DateTimeOffset(2026, 3, 2, 8, 15, 0, TimeSpan.FromHours(8)),
            "Asia/Shanghai",
            "CN",
            null,
            "我爸半夜血糖很低，传感器一直没报警，早上发现他说话含糊，送到医院急诊住了一晚。",
            "involved",
            "recovered",
            new Dictionary<string, FactValue>
            {
                [F.Injury] = FactValue.Yes,
                [F.Hospitalization] = FactValue.Yes,
                [F.Malfunction] = FactValue.Suspected,
                [F.InterventionToPrecludePermanentHarm] = FactValue.Yes,
            },
            new Dictionary<string, string> { ["US"] = "serious-injury", ["EU"] = "death-or-unanticipated-serious-deterioration", ["CN"] = "serious-injury" }),
        new ReportPerson("王丽", "caregiver", "139 1234 5678", "wangli@example.cn", "朝阳区建国路 88 号", "北京", "北京市", "100022", "CN"),
        new ReportPatient("K7M3-Q9XA", "王建国", "male", new DateOnly(1948, 5, 20), 77, 68.5m),
        new ReportInvestigation("传感器日志显示 02:10–05:40 读数低于 3.0 mmol/L，低血糖报警未触发。", "报警阈值固件在时区切换后复位。", "RMA-2603-0042",
            new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 6), "复现：时区切换后报警阈值被清零。",
            "王女士您好：您父亲的传感器已寄回检测，确认是报警阈值在时区切换后复位，固件 2.3.1 已修复。", "fault-confirmed-corrected", "固件 2.3.1 起不再复位。"),
        CodesOf("A160102", "E1206", "B01", "C1002", "D0101"));

    /// <summary>Mary Smith reports her pump's occlusion alarm never sounded; a hospital visit for high sugar followed.</summary>
    public static ComplaintReport English() => new(
        Guid.Parse("0193a9f2-2222-7000-8000-000000000002"),
        "P4WZ-H2RN",
        new DateOnly(2026, 6, 10),
        new ReportManufacturer("Medtronic", "美敦力", "US", "1234567", new MdrContactOffice
        {
            Name = "MiniMed MDR Contact Office",
            Person = "Jane Doe",
            AddressLine = "18000 Devonshire Street",
            City = "Northridge",
            State = "CA",
            PostalCode = "91325",
            Country = "US",
            Phone = "+1 818 555 0100",
            Email = "mdr@example.com",
        }),
        new ReportDevice(
            "minimed-780g", "MiniMed", "MiniMed 780G insulin pump", "MiniMed 780G 胰岛素泵", "MMT-1886",
            "NG4410072H", null, "00763000485316", null, null, null, "device", "OZO", "III", "MDR", "IIb", "III", null),
        new ReportEvent(
            new DateOnly(2026, 6, 7),
            new DateTimeOffset(2026, 6, 8, 14, 30, 0, TimeSpan.FromHours(1)),
            "Europe/London",
            "GB",
            "IE",
            "The pump never gave an occlusion alarm; my sugar went above 25 and I went to A&E that night.",
            "involved",
            "recovering",
            new Dictionary<string, FactValue>
            {
                [F.Injury] = FactValue.Yes,
                [F.Hospitalization] = FactValue.Yes,
                [F.Malfunction] = FactValue.Yes,
            },
            new Dictionary<string, string> { ["US"] = "serious-injury", ["EU"] = "death-or-unanticipated-serious-deterioration" }),
        new ReportPerson("Mary Smith", "patient", "+44 20 7946 0958", "mary.smith@example.org", "12 Acacia Avenue", "London", null, "SW1A 1AA", "GB"),
        new ReportPatient("P4WZ-H2RN", "Mary Smith", "female", new DateOnly(1979, 2, 14), 47, null),
        ReportInvestigation.None,
        CodesOf("A160102", "E1205"));

    /// <summary>
    /// FDA's codes for some of the terms, as the settings would hold them (made-up values for the test: the real ones are
    /// in FDA's code hierarchies). A160102 has one; E1206 has none, so eMDR sends it as "other".
    /// </summary>
    public static readonly Dictionary<string, string> FdaCodes = new() { ["A160102"] = "FDA-TEST-A1", ["E1205"] = "FDA-TEST-E1", ["B01"] = "FDA-TEST-B", ["C1002"] = "FDA-TEST-C", ["D0101"] = "FDA-TEST-D" };

    private static IReadOnlyList<ReportCode> CodesOf(params string[] codes) => ComplaintReportReader.Codes(codes, FdaCodes);
}
