using CareDesk.Features.Complaints.Exports;
using MiniExcelLibs;

namespace CareDesk.Tests.Features.Complaints.Exports;

// The two renderings of a filled form: a spreadsheet quality completes, and a page to print.
public sealed class ReportSheetRenderingTests
{
    [Fact]
    public void The_xlsx_has_one_row_per_field_headed_in_the_regulators_language_with_the_values()
    {
        var sheet = ReportForms.Sheet(ReportForms.CnNmpa, ComplaintReports.Chinese())!;

        using var stream = new MemoryStream(ReportSheetXlsx.Write(sheet));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(sheet.Fields.Count(), rows.Count);
        Assert.Equal(["栏目", "项目编号", "项目", "内容"], rows[0].Keys);
        var narrative = rows.Single(r => (string?)r["项目编号"] == "事件陈述");
        Assert.Equal(("三、不良事件情况", sheet.Value("事件陈述")), ((string?)narrative["栏目"], (string?)narrative["内容"]));
        Assert.Equal("L2601-88", rows.Single(r => (string?)r["项目编号"] == "产品批号")["内容"]);
    }

    [Fact]
    public void The_xlsx_of_an_English_form_is_headed_in_English()
    {
        var sheet = ReportForms.Sheet(ReportForms.Fda3500A, ComplaintReports.English())!;

        using var stream = new MemoryStream(ReportSheetXlsx.Write(sheet));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(["Section", "Block", "Field", "Value"], rows[0].Keys);
        Assert.Equal("NG4410072H", rows.Single(r => (string?)r["Field"] == "Serial #")["Value"]);
    }

    [Fact]
    public void The_files_return_outcome_and_conclusion_reach_the_xlsx_and_the_page_in_each_regulators_language()
    {
        var nmpa = ReportForms.Sheet(ReportForms.CnNmpa, ComplaintReports.Chinese())!;
        var fda = ReportForms.Sheet(ReportForms.Fda3500A, ComplaintReports.English())!;

        var chineseRows = Rows(nmpa);
        var englishRows = Rows(fda);
        var chinesePage = ReportSheetHtml.Fragment(nmpa, "K7M3-Q9XA");
        var englishPage = ReportSheetHtml.Fragment(fda, "P4WZ-H2RN");

        Assert.Equal("确认产品故障，已纠正；固件 2.3.1 起不再复位。", chineseRows.Single(r => (string?)r["项目编号"] == "评价结论")["内容"]);
        Assert.Equal("痊愈；E1206 Hypoglycemia", chineseRows.Single(r => (string?)r["项目编号"] == "伤害表现")["内容"]);
        Assert.Contains("<th class=\"label\" colspan=\"2\" scope=\"row\">产品退回情况</th><td>退货编号RMA-2603-0042，2026年3月3日寄出，2026年3月6日收到</td>", chinesePage, StringComparison.Ordinal);
        Assert.StartsWith("MiniMed MDR Contact Office, Jane Doe", (string?)englishRows.Single(r => (string?)r["Block"] == "G1")["Value"], StringComparison.Ordinal);
        Assert.Contains("Patient outcome: Recovering/resolving", (string?)englishRows.Single(r => (string?)r["Block"] == "B5")["Value"], StringComparison.Ordinal);
        Assert.Contains("<th class=\"code\" scope=\"row\">G1</th><th class=\"label\" scope=\"row\">Contact office (and manufacturing site for devices)</th><td>MiniMed MDR Contact Office, Jane Doe,", englishPage, StringComparison.Ordinal);
    }

    private static List<IDictionary<string, object?>> Rows(ReportSheet sheet)
    {
        using var stream = new MemoryStream(ReportSheetXlsx.Write(sheet));
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    [Fact]
    public void The_printable_page_encodes_what_callers_said_marks_blanks_and_carries_print_rules()
    {
        var report = ComplaintReports.English() with
        {
            Event = ComplaintReports.English().Event with { Narrative = "<script>alert(1)</script> & the pump" },
        };
        var sheet = ReportForms.Sheet(ReportForms.Fda3500A, report)!;

        var html = ReportSheetHtml.Document(sheet, "P4WZ-H2RN");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; the pump", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"blank\"></td>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"code\" scope=\"row\">D4</th><th class=\"label\" scope=\"row\">Serial #</th><td>NG4410072H</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_NMPA_page_names_each_field_once_since_the_form_has_no_numbers()
    {
        var sheet = ReportForms.Sheet(ReportForms.CnNmpa, ComplaintReports.Chinese())!;

        var html = ReportSheetHtml.Fragment(sheet, "K7M3-Q9XA");

        Assert.Contains("<th class=\"label\" colspan=\"2\" scope=\"row\">产品批号</th><td>L2601-88</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"label\" colspan=\"2\" scope=\"row\">单位名称（注册人）</th><td>三诺生物</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th class=\"code\"", html, StringComparison.Ordinal);
    }
}
