using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// A trend as a file: CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Chinese names) or XLSX
/// (one sheet, written as Office Open XML parts directly: no spreadsheet library for one plain table). Same columns in
/// both, named for machines; rates and limits per 1,000 units.
/// </summary>
public static class TrendExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Columns =
        ["month", "modelId", "model", "code", "term", "complaints", "units", "unitsSource", "ratePer1000", "centreLine", "upperWarning", "upperAction", "lowerWarning", "lowerAction", "signal"];

    public static string FileName(GetTrend.View trend, string extension) =>
        $"trend-{string.Concat(trend.ModelId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'))}-{trend.Code}-{trend.From}-{trend.To}.{extension}";

    public static IEnumerable<object?[]> Rows(GetTrend.View trend) =>
        trend.Months.Select(m => new object?[]
        {
            m.Period, trend.ModelId, trend.ModelName, trend.Code, trend.Term, m.Complaints, m.Units, m.UnitsSource,
            m.Rate, m.CentreLine, m.UpperWarning, m.UpperAction, m.LowerWarning, m.LowerAction, m.Signal,
        });

    public static byte[] Csv(GetTrend.View trend)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns).Append("\r\n");
        foreach (var row in Rows(trend))
        {
            text.AppendJoin(',', row.Select(CsvField)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(GetTrend.View trend)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="trend" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            Row(sheet, 1, Columns);
            var index = 2;
            foreach (var row in Rows(trend))
            {
                Row(sheet, index++, row);
            }

            Part(zip, "xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
        }

        return buffer.ToArray();
    }

    private static void Row(StringBuilder sheet, int index, IReadOnlyList<object?> cells)
    {
        sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{index}\">");
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = $"{(char)('A' + i)}{index}";
            switch (cells[i])
            {
                case null:
                    break;
                case long or int or double:
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Number(cells[i])}</v></c>");
                    break;
                default:
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cells[i]!.ToString())}</t></is></c>");
                    break;
            }
        }

        sheet.Append("</row>");
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string Number(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => "",
    };

    private static string CsvField(object? value)
    {
        var text = value is long or int or double ? Number(value) : value?.ToString() ?? "";
        // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection): quote it behind an apostrophe.
        if (text.Length > 0 && value is string && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
