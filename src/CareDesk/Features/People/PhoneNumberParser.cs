using System.Text;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CareDesk.Features.People;

/// <summary>
/// Parses whatever a person typed (spaces, dashes, +86, 0086, full-width digits, landlines with area codes,
/// foreign numbers) with libphonenumber, assuming the configured default region for national numbers.
/// </summary>
public sealed class PhoneNumberParser(IOptions<PeopleOptions> options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public ParsedPhone? TryParse(string? raw) => TryParse(raw, options.Value.DefaultRegion);

    /// <summary>
    /// As <see cref="TryParse(string?)"/>, with the region national numbers belong to given by the caller: an imported
    /// row's country, so a US number in a Chinese distributor's list stays a US number.
    /// </summary>
    public ParsedPhone? TryParse(string? raw, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 64)
        {
            return null;
        }

        var text = Normalize(raw);
        // Letters are not phone numbers here (libphonenumber would read vanity numbers like 1-800-FLOWERS).
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return null;
            }
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, defaultRegion);
        }
        catch (NumberParseException)
        {
            return null;
        }

        if (!Util.IsValidNumber(number))
        {
            return null;
        }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ParsedPhone(e164, raw.Trim(), national[^Math.Min(4, national.Length)..], Util.GetRegionCodeForNumber(number) ?? "")
        {
            Type = Util.GetNumberType(number),
        };
    }

    // Full-width digits and signs (０１２, ＋, －, （）) are common in Chinese input methods.
    private static string Normalize(string raw)
    {
        var trimmed = raw.Trim();
        // Most input has nothing to replace: no copy then (this runs on every caller lookup).
        if (!trimmed.AsSpan().ContainsAnyInRange('\uFF01', '\uFF5E') && !trimmed.Contains('\u3000', StringComparison.Ordinal))
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            builder.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }

        return builder.ToString();
    }
}
