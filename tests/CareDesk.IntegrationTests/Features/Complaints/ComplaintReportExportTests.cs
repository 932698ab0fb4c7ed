using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Exports;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CareDesk.IntegrationTests.Features.Complaints;

// F17 export: quality takes a complaint out as each regulator's report — XLSX, printable page, eMDR XML — and every
// export is in the audit log.
public sealed class ComplaintReportExportTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
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
