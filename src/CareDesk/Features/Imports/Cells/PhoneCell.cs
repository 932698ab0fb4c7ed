using System.Globalization;
using System.Text.RegularExpressions;
using CareDesk.Features.Imports.Reading;
using CareDesk.Features.People;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// A mobile or phone cell. Import-only screening lives here (masking, Excel's scientific notation, letters, extensions,
/// several numbers in one cell, a landline without its area code); the number itself is read by the one
/// <see cref="PhoneNumberParser"/>, with the row's country as the region for national numbers.
/// Broken values are refused, never repaired: "1.38001E+10" lost its last digits and "138****1234" hides four.
/// </summary>
/// <remarks>
/// Several numbers in one cell ("13800138000/13900139000", also with 、 ; , or a line break) are all kept: a
/// distributor lists a person's numbers together, and a number is the strongest key to find them by. If any one is
/// refused, the cell is. A slash is read as a separator, so "0755/88888888" (area code/number) is refused as two bad
/// numbers rather than guessed; Chinese lists write "0755-88888888".
/// </remarks>
public sealed partial class PhoneCell(PhoneNumberParser parser)
{
    public CellResult<IReadOnlyList<ImportedPhone>> Parse(CellValue cell, string defaultRegion)
    {
        if (cell.Kind == CellKind.Number)
        {
            // An XLSX number cell holds every digit (the exponent is only how Excel displays it); the leading 0 of a
            // landline is lost, though, and then libphonenumber refuses it as it should.
            return double.IsFinite(cell.Number) && cell.Number > 0 && cell.Number == Math.Floor(cell.Number) && cell.Number < 1e15
                ? One(ParseOne(cell.Number.ToString("0", CultureInfo.InvariantCulture), defaultRegion))
                : CellReason.InvalidNumber;
        }

        if (cell.Kind == CellKind.Date)
        {
            return CellReason.InvalidNumber;
        }

        if (TextCell.Clean(cell) is not { } text)
        {
            return CellResult<IReadOnlyList<ImportedPhone>>.Blank;
        }

        var parts = Separators().Split(text);
        var phones = new List<ImportedPhone>(parts.Length);
        foreach (var part in parts)
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            var one = ParseOne(part.Trim(), defaultRegion);
            if (one.Problem is { } problem)
            {
                return problem;
            }

            if (!phones.Exists(phone => phone.E164 == one.Value!.E164))
            {
                phones.Add(one.Value!);
            }
        }

        return phones.Count == 0 ? CellResult<IReadOnlyList<ImportedPhone>>.Blank : CellResult<IReadOnlyList<ImportedPhone>>.Of(phones);
    }

    /// <summary>One number, already NFKC-normalized and trimmed, perhaps with an extension.</summary>
    public CellResult<ImportedPhone> ParseOne(string text, string defaultRegion)
    {
        // Masking first: "138xxxx1234" is masked, not a number with letters or an extension.
        if (text.Contains('*', StringComparison.Ordinal) || MaskedWithX().IsMatch(text))
        {
            return CellReason.Masked;
        }

        if (Scientific().IsMatch(text))
        {
            return CellReason.ScientificNotation;
        }

        var number = text;
        string? extension = null;
        if (Extension().Match(text) is { Success: true } match)
        {
            number = match.Groups["number"].Value;
            extension = match.Groups["extension"].Value;
        }

        foreach (var c in number)
        {
            if (char.IsLetter(c))
            {
                return CellReason.ContainsLetters;
            }
        }

        if (parser.TryParse(number, defaultRegion) is { } parsed)
        {
            return CellResult<ImportedPhone>.Of(new ImportedPhone(parsed.E164, parsed.Type, extension));
        }

        return IsChineseLocalNumber(number, defaultRegion) ? CellReason.MissingAreaCode : CellReason.InvalidNumber;
    }

    // A mainland landline is dialled as 0 + area code + 7–8 digits; 7–8 digits alone are a local number that could
    // be in any city. Mobiles start with 1, numbers with a trunk 0 or an international prefix are not local.
    private static bool IsChineseLocalNumber(string number, string region)
    {
        if (region != "CN" || number.TrimStart().StartsWith('+'))
        {
            return false;
        }

        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        return digits.Length is 7 or 8 && digits[0] is not ('0' or '1');
    }

    private static CellResult<IReadOnlyList<ImportedPhone>> One(CellResult<ImportedPhone> one) =>
        one.Problem is { } problem ? problem : CellResult<IReadOnlyList<ImportedPhone>>.Of([one.Value!]);

    [GeneratedRegex(@"[/、;；,，\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"[0-9][xX]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MaskedWithX();

    // 1.38001E+10, 1.38E10, 13800138000E0: what Excel shows when a long number cell is saved as CSV.
    [GeneratedRegex(@"^\+?[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Scientific();

    [GeneratedRegex(@"^(?<number>.*?[0-9)].*?)\s*(?:转|分机号?|ext\.?|extension|x|#)\s*(?<extension>[0-9]{1,6})\s*#?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Extension();
}
