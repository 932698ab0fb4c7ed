using MiniExcelLibs;

namespace CareDesk.Bench.Imports;

/// <summary>
/// Writes the export as an XLSX through MiniExcel (as the product reads it): text cells, number cells for some mobiles and
/// date cells for some dates. Row 1 is the header, so record N is on sheet row N + 1. Held in memory: for small files.
/// </summary>
internal static class XlsxExportWriter
{
    public static void Write(string path, ExportLayout layout, IEnumerable<ExportRow> rows)
    {
        var sheet = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(layout.Columns.Count, StringComparer.Ordinal);
            foreach (var (column, header) in layout.Columns)
            {
                cells[header] = row[column] is string { Length: 0 } ? null : row[column];
            }

            return cells;
        });

        MiniExcel.SaveAs(path, sheet, overwriteFile: true);
    }
}
