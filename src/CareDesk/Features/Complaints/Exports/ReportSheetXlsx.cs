using MiniExcelLibs;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// The spreadsheet rendering of a <see cref="ReportSheet"/>: one row per field with the section, the form's number, its
/// label and the value, headed in the regulator's language, so quality can complete the blanks and keep the file.
/// </summary>
public static class ReportSheetXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ReportSheet sheet)
    {
        var (section, code, label, value) = sheet.Language.StartsWith("zh", StringComparison.Ordinal)
            ? ("栏目", "项目编号", "项目", "内容")
            : ("Section", "Block", "Field", "Value");
        var rows = sheet.Sections.SelectMany(s => s.Fields.Select(f => new Dictionary<string, object?>
        {
            [section] = s.Title,
            [code] = f.Code,
            [label] = f.Label,
            [value] = f.Value ?? "",
        })).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: sheet.Language.StartsWith("zh", StringComparison.Ordinal) ? "报告表" : "Report");
        return stream.ToArray();
    }
}
