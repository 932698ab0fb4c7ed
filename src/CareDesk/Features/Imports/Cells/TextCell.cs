using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// The first step for every cell: Unicode NFKC (full-width digits, letters, parentheses and the ideographic space become
/// ASCII), trimmed, and the placeholders people type for "nothing" read as no value.
/// </summary>
public static partial class TextCell
{
    // Compared after NFKC and lower-casing. Beyond the issue's list: em dashes (a Chinese IME's "——"), Excel's own
    // error value #N/A, and "none"/"无/没有" spellings seen in real exports.
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "无", "n/a", "na", "#n/a", "-", "--", "---", "/", "//", "null", "none", "空", "暂无", "没有", "—", "——", "?", "？",
    };

    /// <summary>The cell's text normalized, or null when it holds nothing or a placeholder.</summary>
    public static string? Clean(CellValue cell) => cell.Kind switch
    {
        CellKind.Text => Clean(cell.Text),
        // An XLSX number in a text column (a serial number, a postcode): its digits, never an exponent.
        CellKind.Number => double.IsFinite(cell.Number) && cell.Number == Math.Floor(cell.Number) && Math.Abs(cell.Number) < 1e15
            ? cell.Number.ToString("0", CultureInfo.InvariantCulture)
            : cell.Number.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Date => cell.Raw,
        _ => null,
    };

    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var trimmed = normalized.Trim();
        return trimmed.Length == 0 || Placeholders.Contains(trimmed.ToLowerInvariant()) ? null : trimmed;
    }

    /// <summary>
    /// A free-text field (province, city, address, model, serial, remark): cleaned, runs of whitespace (line breaks
    /// from a quoted CSV cell included) made one space, and refused when longer than <paramref name="maxLength"/>.
    /// </summary>
    public static CellResult<string> FreeText(CellValue cell, int maxLength)
    {
        if (Clean(cell) is not { } text)
        {
            return CellResult<string>.Blank;
        }

        var collapsed = CollapseWhitespace(text);
        return new StringInfo(collapsed).LengthInTextElements > maxLength ? CellReason.TooLong : CellResult<string>.Of(collapsed);
    }

    internal static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
