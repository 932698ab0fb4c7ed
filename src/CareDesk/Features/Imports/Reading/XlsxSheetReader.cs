using System.Globalization;
using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// The rows of one sheet through MiniExcel, streamed: numbers stay numbers and date-formatted cells come out as dates.
/// Call <see cref="XlsxPackageInspector.Inspect"/> first: this reader trusts the package.
/// </summary>
public static class XlsxSheetReader
{
    /// <summary>The requested sheet, or the first one when none is requested.</summary>
    public static (string? SheetName, FileRejection? Rejection) ChooseSheet(Stream stream, string? requested)
    {
        var start = stream.Position;
        List<string> names;
        try
        {
            names = MiniExcel.GetSheetNames(stream);
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or InvalidOperationException)
        {
            return (null, new FileRejection(FileRejectionReason.CorruptXlsx, "The workbook's list of sheets cannot be read."));
        }
        finally
        {
            stream.Position = start;
        }

        if (names.Count == 0)
        {
            return (null, new FileRejection(FileRejectionReason.SheetNotFound, "The workbook has no sheet."));
        }

        if (requested is null)
        {
            return (names[0], null);
        }

        var match = names.FirstOrDefault(n => string.Equals(n, requested, StringComparison.Ordinal))
            ?? names.FirstOrDefault(n => string.Equals(n.Trim(), requested.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is null
            ? (null, new FileRejection(FileRejectionReason.SheetNotFound, $"No sheet \"{requested}\"; the workbook has: {string.Join(", ", names)}."))
            : (match, null);
    }

    /// <summary>Every row from row 1 on (blank rows included, so that <see cref="XlsxRow.Line"/> is Excel's row number).</summary>
    public static IEnumerable<XlsxRow> ReadRows(Stream stream, string sheetName)
    {
        var configuration = new OpenXmlConfiguration { FillMergedCells = false };
        var rows = stream.Query(useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration)
            .Cast<IDictionary<string, object?>>();
        using var enumerator = rows.GetEnumerator();
        var line = 0;
        while (true)
        {
            IDictionary<string, object?> row;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                row = enumerator.Current;
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or InvalidOperationException or FormatException)
            {
                throw new DistributorFileException(FileRejectionReason.CorruptXlsx, $"Sheet \"{sheetName}\" breaks after row {line}.", ex);
            }

            line++;
            yield return new XlsxRow(line, [.. row.Values.Select(ToCell)]);
        }
    }

    public static CellValue ToCell(object? value) => value switch
    {
        null => CellValue.Empty,
        string text => CellValue.FromText(text),
        DateTime date => CellValue.FromDate(date),
        double or float or decimal or int or long or short or byte or uint or ulong or ushort or sbyte =>
            CellValue.FromNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        bool flag => CellValue.FromText(flag ? "TRUE" : "FALSE"),
        _ => CellValue.FromText(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
