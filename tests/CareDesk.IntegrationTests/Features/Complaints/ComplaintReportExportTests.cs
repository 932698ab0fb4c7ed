using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Exports;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace CareDesk.IntegrationTests.Features.Complaints;

/// <summary>A host whose maker settings name a CFN, an MDR contact office and FDA's code for one IMDRF term; its clock stands still.</summary>
public sealed class ExportHost : CareDeskFactory
{
    public ExportHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 20, 1, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Reports:FdaCentralFileNumber"] = "7654321",
        ["Reports:MdrContact:Name"] = "Test Diagnostics MDR Contact",
        ["Reports:MdrContact:City"] = "Shenzhen",
        ["Reports:MdrContact:Country"] = "CN",
        ["Reports:MdrContact:Email"] = "mdr@example.com",
        // A made-up value standing for FDA's code of the term (FDA's hierarchies hold the real one).
        ["Reports:FdaCodes:A160102"] = "FDA-TEST-A1",
    };
}

// F17 export: quality takes a complaint out as each regulator's report — XLSX, printable page, eMDR XML — and every
// export is in the audit log.
public sealed class ComplaintReportExportTests(ExportHost app) : IClassFixture<ExportHost>
{
    private const string Story = "传感器半夜没有低血糖报警，早上发现我爸说话含糊，送急诊住了一晚。";

    [Fact]
    public async Task Quality_exports_each_form_as_xlsx_and_printable_page_holding_the_complaints_values_and_each_export_is_audited()
    {
        var (complaint, serial, lot) = await ComplaintWithDeviceAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);

        var nmpa = await XlsxAsync(quality, complaint.Id, ReportForms.CnNmpa);
        Assert.Equal(["栏目", "项目编号", "项目", "内容"], nmpa[0].Keys);
        Assert.Equal(serial, Cell(nmpa, "项目编号", "产品编号", "内容"));
        Assert.Equal(lot, Cell(nmpa, "项目编号", "产品批号", "内容"));
        Assert.Equal("测试血糖仪", Cell(nmpa, "项目编号", "产品名称", "内容"));
        Assert.Equal("III类", Cell(nmpa, "项目编号", "管理类别", "内容"));
        Assert.Contains(Story, Cell(nmpa, "项目编号", "事件陈述", "内容"), StringComparison.Ordinal);

        var fda = await XlsxAsync(quality, complaint.Id, ReportForms.Fda3500A);
        Assert.Equal(["Section", "Block", "Field", "Value"], fda[0].Keys);
        Assert.Equal(serial, Cell(fda, "Field", "Serial #", "Value"));
        Assert.Equal("NBW", Cell(fda, "Field", "Product code", "Value"));
        Assert.Equal(complaint.CaseNumber, Cell(fda, "Field", "Manufacturer report number", "Value"));

        foreach (var form in ReportForms.Sheets)
        {
            var page = await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/{form}?format=html");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(serial, html, StringComparison.Ordinal);
            Assert.Contains(complaint.CaseNumber, html, StringComparison.Ordinal);
            Assert.Contains("@media print", html, StringComparison.Ordinal);
        }

        // The printable page is the default format; the Chinese form is in Chinese whoever asks.
        var chinese = await (await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/{ReportForms.CnNmpa}")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains("注册人医疗器械不良事件报告表", chinese, StringComparison.Ordinal);
        Assert.Contains(Story, chinese, StringComparison.Ordinal);

        var qualityId = await quality.MyIdAsync();
        var exports = await app.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == nameof(Complaint) && e.EntityId == complaint.Id.ToString() && e.Action == ExportComplaintReport.AuditAction && e.ActorId == qualityId)
            .Select(e => e.Reason).ToListAsync());
        Assert.Equal(2 + ReportForms.Sheets.Length + 1, exports.Count);
        Assert.Contains("cn-nmpa xlsx", exports);
        Assert.Contains("fda-3500a html", exports);
    }

    [Fact]
    public async Task The_eMDR_export_is_HL7_ICSR_xml_naming_the_device_and_the_report_number()
    {
        var (complaint, serial, lot) = await ComplaintWithDeviceAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);

        var response = await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/{ReportForms.FdaEmdr}?format=xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var hl7 = FdaEmdrXml.Hl7;
        Assert.Equal("PORR_IN040001UV01", xml.Root!.Name.LocalName);
        Assert.Equal(complaint.CaseNumber, xml.Descendants(hl7 + "investigationEvent").First().Element(hl7 + "id")!.Attribute("extension")!.Value);
        Assert.Equal(lot, xml.Descendants(hl7 + "lotNumberText").Single().Value);
        Assert.Contains(xml.Descendants(hl7 + "id"), id => id.Attribute("extension")?.Value == serial);
        Assert.Equal(HttpStatusCode.BadRequest, (await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/{ReportForms.FdaEmdr}?format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task The_complaint_file_its_facts_decision_codes_investigation_return_and_closure_fill_every_form_and_the_eMDR_message()
    {
        var (complaint, _, lot) = await ComplaintWithDeviceAsync();
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        // The caller reads the UDI off the box: its serial differs from the registered device's, and the file's wins.
        var serial = TestValues.Digits("SF", 8);
        var udi = $"(01)06901234567892(11)260115(17)280131(10){lot}(21){serial}";
        const string Words = "我爸凌晨血糖 2.1，传感器一声没响，早上叫不醒，送到急诊住了一晚。";
        await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/file", new
        {
            udi,
            udiEntry = "typed",
            patientInvolvement = "involved",
            patientOutcome = "recovered",
            narrative = Words,
            narrativeLanguage = "zh-CN",
        })).ReadAsync<GetComplaint.View>();
        var modelId = await app.WithDbAsync(db => db.Devices.Where(d => d.LotNumber == lot).Select(d => d.ModelId).SingleAsync());
        var filed = await (await agent.GetAsync($"/api/complaints/{complaint.Id}")).ReadAsync<GetComplaint.View>();
        var decision = await (await agent.PutAsJsonAsync($"/api/complaints/{complaint.Id}/facts", new
        {
            version = filed.Version,
            productId = modelId,
            eventDate = new DateOnly(2026, 12, 18),
            eventCountry = "CN",
            facts = new { deviceInvolved = "yes", malfunction = "yes", injury = "yes", hospitalization = "yes", interventionToPrecludePermanentHarm = "yes" },
        })).ReadAsync<GetReportability.View>();
        Assert.Equal("serious-injury", decision.Markets.Single(m => m.Market == "CN").EventClass);
        Assert.Equal("serious-injury", decision.Markets.Single(m => m.Market == "US").EventClass);
        await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/codes", new { problem = new[] { "A160102" }, healthEffect = new[] { "E1206" }, version = "2022" }))
            .ReadAsync<JsonElement>();
        await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/investigation", new { findings = "日志显示低血糖报警未触发。", rootCause = "时区切换后报警阈值复位。" })).ReadAsync<GetComplaint.View>();
        await (await quality.PutAsJsonAsync($"/api/complaints/{complaint.Id}/return", new
        {
            rmaNumber = "RMA-TEST-42",
            sentAt = new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.FromHours(8)),
            receivedAt = new DateTimeOffset(2026, 12, 19, 16, 0, 0, TimeSpan.FromHours(8)),
            analysis = "复现：报警阈值被清零。",
        })).ReadAsync<GetComplaint.View>();
        await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/reply", new { language = "zh-CN", text = "王女士您好，已确认是固件问题。", sentAt = new DateTimeOffset(2026, 12, 20, 8, 30, 0, TimeSpan.FromHours(8)) })).ReadAsync<GetComplaint.View>();
        foreach (var owed in decision.Obligations.Where(o => o.Status == "open"))
        {
            await (await quality.PostAsJsonAsync($"/api/obligations/{owed.Id}/submit", new { reference = $"REF-{owed.Kind}", version = owed.Version }))
                .ReadAsync<GetReportability.ObligationView>();
        }

        await (await quality.PostAsJsonAsync($"/api/complaints/{complaint.Id}/close", new { reason = "fault-confirmed-corrected", note = "固件 2.3.1 已修复。" })).ReadAsync<GetComplaint.View>();

        // China's registration certificate number, on the model's regulatory profile (CN only).
        var profileUrl = $"/api/catalog/models/{modelId}/regulatory";
        var profile = await (await quality.GetAsync(profileUrl)).ReadAsync<RegulatoryProfile>();
        var usIndex = profile.Markets.ToList().FindIndex(m => m.Market == "US");
        (await (await quality.PutAsJsonAsync(profileUrl, profile with { Markets = [.. profile.Markets.Select(m => m.Market == "US" ? m with { RegistrationNumber = "国械注准20263070042" } : m)] }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors($"markets[{usIndex}].registrationNumber");
        var saved = await (await quality.PutAsJsonAsync(profileUrl, profile with { Markets = [.. profile.Markets.Select(m => m.Market == "CN" ? m with { RegistrationNumber = " 国械注准20263070042 " } : m)] }))
            .ReadAsync<RegulatoryProfile>();
        Assert.Equal("国械注准20263070042", saved.Markets.Single(m => m.Market == "CN").RegistrationNumber);

        var nmpa = await XlsxAsync(quality, complaint.Id, ReportForms.CnNmpa);
        string Nmpa(string field) => Cell(nmpa, "项目编号", field, "内容");
        Assert.Equal("国械注准20263070042", Nmpa("注册证编号"));
        Assert.Equal((serial, lot, udi), (Nmpa("产品编号"), Nmpa("产品批号"), Nmpa("UDI")));
        Assert.Equal(("2026年1月15日", "2028年1月31日", "2026年12月18日"), (Nmpa("生产日期"), Nmpa("有效期至"), Nmpa("事件发生日期")));
        Assert.Equal(("境内", "CN", "严重伤害"), (Nmpa("发生地点"), Nmpa("发生地"), Nmpa("伤害")));
        Assert.Equal(Words, Nmpa("事件陈述"));
        Assert.Equal(("痊愈；E1206 Hypoglycemia", "A160102 No Audible Alarm"), (Nmpa("伤害表现"), Nmpa("器械故障表现")));
        Assert.Equal("日志显示低血糖报警未触发。；复现：报警阈值被清零。", Nmpa("调查情况"));
        Assert.Equal("退货编号RMA-TEST-42，2026年12月18日寄出，2026年12月19日收到", Nmpa("产品退回"));
        Assert.Equal(("时区切换后报警阈值复位。", "确认产品故障，已纠正；固件 2.3.1 已修复。"), (Nmpa("事件原因分析"), Nmpa("评价结论")));

        var fda = await XlsxAsync(quality, complaint.Id, ReportForms.Fda3500A);
        string Fda(string field) => Cell(fda, "Field", field, "Value");
        Assert.Equal("Adverse event, Product problem (e.g., defects/malfunctions)", Fda("Adverse event and/or product problem"));
        Assert.Equal("Hospitalization – initial or prolonged, Required intervention to prevent permanent impairment/damage (devices)", Fda("Outcomes attributed to adverse event"));
        Assert.Equal(("18-Dec-2026", $"{Words}\nPatient outcome: Recovered/resolved"), (Fda("Date of event"), Fda("Describe event or problem")));
        Assert.Equal((serial, udi, "31-Jan-2028", "15-Jan-2026"), (Fda("Serial #"), Fda("Unique Identifier (UDI) #"), Fda("Expiration date"), Fda("Device manufacture date")));
        Assert.Equal("Returned to manufacturer on 19-Dec-2026 (RMA RMA-TEST-42)", Fda("Device available for evaluation? (Do not send to FDA)"));
        Assert.Equal("Test Diagnostics MDR Contact, Shenzhen, CN, mdr@example.com", Fda("Contact office (and manufacturing site for devices)"));
        Assert.Equal("Serious injury", Fda("Type of reportable event"));
        Assert.Equal("A160102 No Audible Alarm", Fda("Event problem codes — device (IMDRF Annex A)"));
        Assert.EndsWith("Conclusion: Fault confirmed and corrected. 固件 2.3.1 已修复。", Fda("Additional manufacturer narrative"), StringComparison.Ordinal);

        var mir = await XlsxAsync(quality, complaint.Id, ReportForms.EuMir);
        string Mir(string field) => Cell(mir, "Field", field, "Value");
        Assert.Equal(("2026-12-18", "CN", "Recovered/resolved", "Yes"), (Mir("Date of incident (YYYY-MM-DD)"), Mir("Country where the incident occurred"), Mir("Patient outcome"), Mir("Patient involved")));
        Assert.Equal("RMA RMA-TEST-42; sent 2026-12-18; received 2026-12-19; 复现：报警阈值被清零。", Mir("Device returned / analysis result"));
        Assert.Equal("Fault confirmed and corrected. 固件 2.3.1 已修复。", Mir("Manufacturer's final conclusion"));

        foreach (var form in ReportForms.Sheets)
        {
            var html = await (await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/{form}?format=html")).Content.ReadAsStringAsync();
            Assert.Contains(serial, html, StringComparison.Ordinal);
            Assert.DoesNotContain(Story, html, StringComparison.Ordinal);
        }

        var page = await (await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/{ReportForms.CnNmpa}")).Content.ReadAsStringAsync();
        Assert.Contains(Words, page, StringComparison.Ordinal);
        Assert.Contains("确认产品故障，已纠正", page, StringComparison.Ordinal);
        var english = await (await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/{ReportForms.Fda3500A}")).Content.ReadAsStringAsync();
        Assert.Contains("Patient outcome: Recovered/resolved", english, StringComparison.Ordinal);
        Assert.Contains("Test Diagnostics MDR Contact", english, StringComparison.Ordinal);

        var xml = XDocument.Parse(await (await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/{ReportForms.FdaEmdr}")).Content.ReadAsStringAsync());
        var hl7 = FdaEmdrXml.Hl7;
        Assert.Equal("7654321-20261220010000", xml.Root!.Element(hl7 + "id")!.Attribute("extension")!.Value);
        Assert.Equal(udi, xml.Descendants(hl7 + "asManufacturedProduct").Single().Element(hl7 + "code")!.Attribute("code")!.Value);
        Assert.Equal("20261218", xml.Descendants(hl7 + "reaction").Single().Element(hl7 + "effectiveTime")!.Attribute("value")!.Value);
        Assert.Equal(["C25179", "C52668"], xml.Descendants(hl7 + "caseSeriousness").Select(c => c.Element(hl7 + "value")!.Attribute("code")!.Value));
        var problem = xml.Descendants(hl7 + "deviceObservation").Single(o => o.Element(hl7 + "code")!.Attribute("code")!.Value == "C53982").Element(hl7 + "value")!;
        Assert.Equal(("FDA-TEST-A1", "2.16.840.1.113883.3.24", "A160102"), (problem.Attribute("code")!.Value, problem.Attribute("codeSystem")!.Value, problem.Element(hl7 + "translation")!.Attribute("code")!.Value));
        var patient = xml.Descendants(hl7 + "observation").Single(o => o.Element(hl7 + "code")!.Attribute("code")!.Value == "C53983").Element(hl7 + "value")!;
        Assert.Equal(("OTH", "E1206"), (patient.Attribute("nullFlavor")!.Value, patient.Element(hl7 + "translation")!.Attribute("code")!.Value));
        Assert.Equal("C53569", xml.Descendants(hl7 + "detectedIssueEvent")
            .Single(d => d.Element(hl7 + "code")!.Attribute("code")!.Value == "C53570").Element(hl7 + "value")!.Attribute("code")!.Value);
    }

    [Fact]
    public async Task Unknown_complaint_form_or_format_are_problems_naming_them_and_only_quality_may_export()
    {
        var (complaint, _, _) = await ComplaintWithDeviceAsync();
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var missing = Guid.CreateVersion7();

        var notFound = await (await quality.GetAsync($"/api/complaints/{missing}/reports/eu-mir")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(missing.ToString(), notFound.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(notFound.Errors("id"));
        Assert.Contains("fda-3500a", (await (await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/medwatch")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("form")[0], StringComparison.Ordinal);
        Assert.Contains("xlsx", (await (await quality.GetAsync($"/api/complaints/{complaint.Id}/reports/eu-mir?format=pdf")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("format")[0], StringComparison.Ordinal);
        await (await agent.GetAsync($"/api/complaints/{complaint.Id}/reports/eu-mir?format=xlsx")).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityId == missing.ToString() && e.Action == ExportComplaintReport.AuditAction)));
    }

    [Fact]
    public async Task The_api_document_describes_the_export_with_its_form_and_format_and_three_media_types()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/complaints/{id}/reports/{form}").GetProperty("get");

        Assert.Equal(["id", "form", "format"], operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var media = operation.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("text/html", media);
        Assert.Contains(ReportSheetXlsx.ContentType, media);
        Assert.Contains("application/xml", media);
        Assert.Contains("400", operation.GetProperty("responses").EnumerateObject().Select(p => p.Name));
    }

    private static async Task<List<IDictionary<string, object?>>> XlsxAsync(HttpClient client, Guid complaintId, string form)
    {
        var response = await client.GetAsync($"/api/complaints/{complaintId}/reports/{form}?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportSheetXlsx.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{form}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar!.Split('-', 3)[^1]);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    private static string Cell(List<IDictionary<string, object?>> rows, string keyColumn, string key, string valueColumn) =>
        (string)rows.Single(r => (string?)r[keyColumn] == key)[valueColumn]!;

    /// <summary>A patient with a meter of a model whose maker, UDI-DI and regulatory profile are known; a complaint on its case.</summary>
    private async Task<(GetComplaint.View Complaint, string Serial, string Lot)> ComplaintWithDeviceAsync()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国", PeopleTestKit.NewMobile()));
        var modelId = $"test-export-{Guid.NewGuid():N}"[..30];
        await app.WithDbAsync(async db =>
        {
            db.Manufacturers.Add(new Manufacturer { Id = modelId, NameEn = "Test Diagnostics", NameZh = "测试诊断", Country = "CN" });
            db.ProductModels.Add(new ProductModel
            {
                Id = modelId,
                ManufacturerId = modelId,
                Category = "bg_meter",
                Brand = "Testa",
                NameEn = "Test Glucose Meter",
                NameZh = "测试血糖仪",
                ModelNumbers = ["TG-1"],
                UdiDi = "06901234567892",
                RegulatoryKind = RegulatoryKind.Ivd,
            });
            var version = Guid.NewGuid();
            foreach (var (market, cls, code) in new[] { ("US", "II", "NBW"), ("EU", "C", (string?)null), ("CN", "III", null) })
            {
                db.RegulatoryProfiles.Add(new RegulatoryProfileEntry { ModelId = modelId, Revision = 1, Version = version, Market = market, Sold = true, Ivd = true, DeviceClass = cls, ProductCode = code, Regulation = market == "EU" ? "IVDR" : null });
            }

            await db.SaveChangesAsync();
            return 0;
        });
        var serial = TestValues.Digits("SN", 8);
        var lot = TestValues.Digits("L", 6);
        var device = await (await agent.PostAsJsonAsync($"/api/people/{person.Id}/devices", new { modelId, serialNumber = serial, lotNumber = lot }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "CGM 没有报警", description = Story, deviceId = device.GetProperty("id").GetGuid() }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var complaint = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        return (complaint, serial, lot);
    }
}
