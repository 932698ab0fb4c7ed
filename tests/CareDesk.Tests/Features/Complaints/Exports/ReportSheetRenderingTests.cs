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
