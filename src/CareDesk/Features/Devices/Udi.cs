using System.Globalization;
using System.Text;

namespace CareDesk.Features.Devices;

/// <summary>The issuing agency whose rules a UDI follows (FDA 21 CFR 830.100; MDR Art. 27; NMPA 2019 No. 66).</summary>
public enum UdiIssuer
{
    Gs1,
    Hibcc,
}

/// <summary>Why a scanned or typed text is not a UDI CareDesk can read.</summary>
public enum UdiProblem
{
    Empty,
    UnknownFormat,
    BadCheckDigit,
    BadCheckCharacter,
    BadDate,
    UnknownApplicationIdentifier,
    FieldTooLong,
    MissingDeviceIdentifier,
}

/// <summary>
/// A unique device identifier read from its barcode data or its human-readable text: the device identifier (DI: a GTIN
/// for GS1, labeler code + product number + unit of measure for HIBCC) and the production identifiers (PI).
/// </summary>
/// <param name="DeviceIdentifier">Null when only a HIBCC secondary structure (lot, dates) was scanned.</param>
/// <param name="Other">GS1 application identifiers CareDesk does not name, by AI, as read.</param>
public sealed record Udi(
    UdiIssuer Issuer,
    string? DeviceIdentifier,
    string? Lot,
    string? Serial,
    DateOnly? Expiry,
    DateOnly? Manufactured,
    IReadOnlyDictionary<string, string> Other)
{
    /// <summary>
    /// Reads GS1 element strings — human-readable "(01)…(17)…(10)…(21)…", or raw as a scanner sends it (an optional
    /// symbology identifier such as <c>]d2</c>, FNC1 as the group separator GS, also typed as <c>&lt;GS&gt;</c>) — and HIBCC
    /// primary, secondary and concatenated structures ("+A99912345/$$710X3/"), checking the GTIN's check digit and the
    /// HIBCC modulo-43 check character. <paramref name="referenceYear"/> places two-digit years (GS1 General
    /// Specifications 7.12: within 49 years back and 50 ahead).
    /// </summary>
    public static UdiReading Read(string? text, int referenceYear)
    {
        var data = Normalise(text);
        if (data.Length == 0)
        {
            return UdiReading.Fail(UdiProblem.Empty);
        }

        if (data[0] == '+')
        {
            return Hibcc.Read(data, referenceYear, endedInSpace: text!.TrimEnd('\r', '\n', '\t').EndsWith(' '));
        }

        if (data[0] == '(')
        {
            return Gs1.ReadHumanReadable(data, referenceYear);
        }

        return data.All(c => c == Gs || char.IsAsciiLetterOrDigit(c) || "!\"%&'*+,-./:;<=>?_ ".Contains(c, StringComparison.Ordinal))
            && data.TrimStart(Gs).StartsWith('0')
            ? Gs1.ReadRaw(data, referenceYear)
            : UdiReading.Fail(UdiProblem.UnknownFormat);
    }

    private const char Gs = '\u001D';

    private static string Normalise(string? text)
    {
        // Full-width characters typed on a Chinese keyboard, spaces around what was pasted, a scanner's symbology
        // identifier (ISO/IEC 15424: "]" + code character + modifier), and the group separator as scanners spell it.
        var data = (text ?? "").Normalize(NormalizationForm.FormKC).Trim()
            .Replace("<GS>", "\u001D", StringComparison.OrdinalIgnoreCase)
            .Replace("{GS}", "\u001D", StringComparison.OrdinalIgnoreCase)
            .Replace("\\x1d", "\u001D", StringComparison.OrdinalIgnoreCase);
        if (data.Length >= 3 && data[0] == ']')
        {
            data = data[3..];
        }

        // The HRI of a HIBCC barcode is framed by asterisks.
        if (data.Length >= 2 && data[0] == '*' && data[^1] == '*')
        {
            data = data[1..^1];
        }

        return data.Trim();
    }

    private static DateOnly? TwoDigitYearDate(int yy, int month, int day, int referenceYear)
    {
        // GS1 General Specifications 7.12: a two-digit year is placed in the century that puts it within 49 years
        // before and 50 years after the current year.
        var difference = yy - (referenceYear % 100);
        var century = referenceYear / 100 * 100;
        var year = difference >= 51 ? century - 100 + yy : difference <= -50 ? century + 100 + yy : century + yy;
        if (month is < 1 or > 12)
        {
            return null;
        }

        // Day 00 means the last day of the month (GS1 AI 15, 17: "if only year and month are available").
        var last = DateTime.DaysInMonth(year, month);
        return day == 0 ? new DateOnly(year, month, last) : day <= last ? new DateOnly(year, month, day) : null;
    }

    private static class Gs1
    {
        // Application identifiers a medical device's UDI uses (GS1 General Specifications 3.2; FDA GUDID and EUDAMED
        // accept these as DI and PI): data length, and whether it is fixed.
        private static readonly Dictionary<string, (int Length, bool Fixed)> Known = new(StringComparer.Ordinal)
        {
            ["01"] = (14, true), // GTIN: the device identifier
            ["02"] = (14, true),
            ["10"] = (20, false), // batch or lot
            ["11"] = (6, true), // production date
            ["13"] = (6, true),
            ["15"] = (6, true),
            ["16"] = (6, true),
            ["17"] = (6, true), // expiration date
            ["21"] = (20, false), // serial number
            ["22"] = (20, false),
            ["30"] = (8, false),
            ["240"] = (30, false),
            ["241"] = (30, false),
            ["250"] = (30, false),
            ["251"] = (30, false),
            ["422"] = (3, true),
            ["7003"] = (10, true),
            ["8020"] = (25, false),
        };

        // AIs whose length is predefined, so no FNC1 follows them even when their data length is fixed (GS1 General
        // Specifications figure 7.8.5-2). A fixed-length AI outside this list (e.g. 7003) is still ended by FNC1.
        private static readonly HashSet<string> Predefined = ["01", "02", "11", "13", "15", "16", "17"];

        public static UdiReading ReadHumanReadable(string data, int referenceYear)
        {
            var fields = new List<(string Ai, string Value)>();
            var position = 0;
            while (position < data.Length)
            {
                if (data[position] != '(')
                {
                    return UdiReading.Fail(UdiProblem.UnknownFormat);
                }

                var close = data.IndexOf(')', position);
                var next = close < 0 ? -1 : data.IndexOf('(', close);
                if (close < 0)
                {
                    return UdiReading.Fail(UdiProblem.UnknownFormat);
                }

                var ai = data[(position + 1)..close].Trim();
                var value = (next < 0 ? data[(close + 1)..] : data[(close + 1)..next]).Trim();
                if (ai.Length is < 2 or > 4 || !ai.All(char.IsAsciiDigit))
                {
                    return UdiReading.Fail(UdiProblem.UnknownFormat);
                }

                fields.Add((ai, value));
                position = next < 0 ? data.Length : next;
            }

            return Build(fields, referenceYear);
        }

        public static UdiReading ReadRaw(string data, int referenceYear)
        {
            var fields = new List<(string Ai, string Value)>();
            var position = 0;
            while (position < data.Length)
            {
                if (data[position] == Gs)
                {
                    position++;
                    continue;
                }

                var ai = Known.Keys.FirstOrDefault(k => string.CompareOrdinal(data, position, k, 0, k.Length) == 0
                    && position + k.Length <= data.Length);
                if (ai is null)
                {
                    return UdiReading.Fail(UdiProblem.UnknownApplicationIdentifier, data.Substring(position, Math.Min(4, data.Length - position)));
                }

                var (length, isFixed) = Known[ai];
                position += ai.Length;
                string value;
                if (isFixed && Predefined.Contains(ai))
                {
                    if (position + length > data.Length)
                    {
                        return UdiReading.Fail(UdiProblem.UnknownFormat, ai);
                    }

                    value = data.Substring(position, length);
                    position += length;
                }
                else
                {
                    // Up to the next FNC1, or the end: a variable field's length is only known from its separator.
                    var end = data.IndexOf(Gs, position);
                    end = end < 0 ? data.Length : end;
                    value = data[position..end];
                    position = end;
                }

                fields.Add((ai, value));
            }

            return Build(fields, referenceYear);
        }

        private static UdiReading Build(List<(string Ai, string Value)> fields, int referenceYear)
        {
            string? gtin = null, lot = null, serial = null;
            DateOnly? expiry = null, manufactured = null;
            var other = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (ai, value) in fields)
            {
                if (Known.TryGetValue(ai, out var rule) && (value.Length > rule.Length || (rule.Fixed && value.Length != rule.Length)))
                {
                    return UdiReading.Fail(rule.Fixed ? UdiProblem.UnknownFormat : UdiProblem.FieldTooLong, ai);
                }

                switch (ai)
                {
                    case "01":
                        if (!value.All(char.IsAsciiDigit) || !GtinCheckDigitHolds(value))
                        {
                            return UdiReading.Fail(UdiProblem.BadCheckDigit, ai);
                        }

                        gtin = value;
                        break;
                    case "10":
                        lot = value;
                        break;
                    case "21":
                        serial = value;
                        break;
                    case "11" or "17":
                        if (!value.All(char.IsAsciiDigit) || Date(value, referenceYear) is not { } date)
                        {
                            return UdiReading.Fail(UdiProblem.BadDate, ai);
                        }

                        if (ai == "11")
                        {
                            manufactured = date;
                        }
                        else
                        {
                            expiry = date;
                        }

                        break;
                    default:
                        other[ai] = value;
                        break;
                }
            }

            return gtin is null
                ? UdiReading.Fail(UdiProblem.MissingDeviceIdentifier, "01")
                : UdiReading.Ok(new Udi(UdiIssuer.Gs1, gtin, lot, serial, expiry, manufactured, other));
        }

        private static DateOnly? Date(string yymmdd, int referenceYear) => TwoDigitYearDate(
            int.Parse(yymmdd[..2], CultureInfo.InvariantCulture),
            int.Parse(yymmdd[2..4], CultureInfo.InvariantCulture),
            int.Parse(yymmdd[4..6], CultureInfo.InvariantCulture),
            referenceYear);

        // GS1 General Specifications 7.9.1: weights 3 and 1 alternate from the digit left of the check digit.
        private static bool GtinCheckDigitHolds(string gtin)
        {
            var sum = 0;
            for (var i = gtin.Length - 2; i >= 0; i--)
            {
                sum += (gtin[i] - '0') * ((gtin.Length - 2 - i) % 2 == 0 ? 3 : 1);
            }

            return (10 - (sum % 10)) % 10 == gtin[^1] - '0';
        }
    }

    private static class Hibcc
    {
        // ANSI/HIBC 2.6 Appendix B: the values of the 43 characters the check character is computed over.
        private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

        public static UdiReading Read(string data, int referenceYear, bool endedInSpace)
        {
            // The human-readable line prints a space as "_" (ANSI/HIBC 2.6 4.1); a space as the check character is lost
            // when the text is trimmed, so a text that ended in a space is tried with it (only then: any other text
            // would pass one time in 43 with a space added).
            data = data.ToUpperInvariant().Replace('_', ' ');
            if (data.Length < 3 || data[..^1].Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
            {
                return UdiReading.Fail(UdiProblem.UnknownFormat);
            }

            if (!CheckCharacterHolds(data))
            {
                if (!endedInSpace || !CheckCharacterHolds(data + " "))
                {
                    return UdiReading.Fail(UdiProblem.BadCheckCharacter);
                }

                data += " ";
            }

            var body = data[1..^1];
            var isSecondaryOnly = body[0] == '$' || char.IsAsciiDigit(body[0]);
            if (isSecondaryOnly)
            {
                // A secondary structure on its own ends in the link character (the primary's check character).
                return Secondary(null, body[..^1], referenceYear);
            }

            var slash = body.IndexOf('/', StringComparison.Ordinal);
            var primary = slash < 0 ? body : body[..slash];
            // Labeler identification code: four characters, the first a letter; product number 1–18; unit of measure.
            if (primary.Length is < 6 or > 23 || !char.IsAsciiLetter(primary[0]) || !char.IsAsciiDigit(primary[^1])
                || !primary.All(char.IsAsciiLetterOrDigit))
            {
                return UdiReading.Fail(UdiProblem.UnknownFormat);
            }

            return slash < 0
                ? UdiReading.Ok(new Udi(UdiIssuer.Hibcc, primary, null, null, null, null, new Dictionary<string, string>()))
                : Secondary(primary, body[(slash + 1)..], referenceYear);
        }

        private static bool CheckCharacterHolds(string data) =>
            Alphabet.Contains(data[^1], StringComparison.Ordinal)
            && Alphabet[data[..^1].Sum(c => Alphabet.IndexOf(c, StringComparison.Ordinal)) % 43] == data[^1];

        private static UdiReading Secondary(string? primary, string secondary, int referenceYear)
        {
            var segments = secondary.Split('/');
            var main = segments[0];
            string? lot = null, serial = null;
            DateOnly? expiry = null, manufactured = null;
            if (main.StartsWith("$$", StringComparison.Ordinal))
            {
                var isSerial = main.Length > 2 && main[2] == '+';
                var rest = main[(isSerial ? 3 : 2)..];
                // A quantity first: 8 and two digits, or 9 and five.
                if (rest.Length > 0 && rest[0] is '8' or '9')
                {
                    var digits = rest[0] == '8' ? 2 : 5;
                    if (rest.Length < 1 + digits)
                    {
                        return UdiReading.Fail(UdiProblem.UnknownFormat);
                    }

                    rest = rest[(1 + digits)..];
                }

                if (!TryExpiry(ref rest, referenceYear, out expiry))
                {
                    return UdiReading.Fail(UdiProblem.BadDate);
                }

                (lot, serial) = isSerial ? ((string?)null, rest) : (rest, (string?)null);
            }
            else if (main.StartsWith('$'))
            {
                (lot, serial) = main.Length > 1 && main[1] == '+' ? ((string?)null, main[2..]) : (main[1..], (string?)null);
            }
            else
            {
                // The oldest form: a Julian date (YYJJJ) and the lot.
                if (main.Length < 5 || Julian(main[..5], referenceYear) is not { } date)
                {
                    return UdiReading.Fail(UdiProblem.BadDate);
                }

                expiry = date;
                lot = main[5..];
            }

            foreach (var segment in segments.Skip(1))
            {
                if (segment.StartsWith('S'))
                {
                    serial = segment[1..];
                }
                else if (segment.StartsWith("16D", StringComparison.Ordinal) || segment.StartsWith("14D", StringComparison.Ordinal))
                {
                    if (!DateOnly.TryParseExact(segment[3..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        return UdiReading.Fail(UdiProblem.BadDate);
                    }

                    if (segment[1] == '6')
                    {
                        manufactured = date;
                    }
                    else
                    {
                        expiry = date;
                    }
                }
            }

            if ((lot?.Length ?? 0) > 18 || (serial?.Length ?? 0) > 18)
            {
                return UdiReading.Fail(UdiProblem.FieldTooLong);
            }

            return UdiReading.Ok(new Udi(UdiIssuer.Hibcc, primary, Blank(lot), Blank(serial), expiry, manufactured, new Dictionary<string, string>()));
        }

        // ANSI/HIBC 2.6 2.3.2: the expiry date's format character after "$$" (0 or 1 is MMYY's first digit).
        private static bool TryExpiry(ref string rest, int referenceYear, out DateOnly? expiry)
        {
            expiry = null;
            if (rest.Length == 0)
            {
                return true;
            }

            var (length, skip) = rest[0] switch
            {
                '0' or '1' => (4, 0),
                '2' or '3' => (6, 1),
                '4' => (8, 1),
                '5' => (5, 1),
                '6' => (7, 1),
                '7' => (0, 1),
                _ => (-1, 0),
            };
            if (length < 0 || rest.Length < skip + length || !rest.Substring(skip, length).All(char.IsAsciiDigit))
            {
                return length < 0;
            }

            var digits = rest.Substring(skip, length);
            var format = rest[0];
            rest = rest[(skip + length)..];
            int Part(int start) => int.Parse(digits.AsSpan(start, 2), CultureInfo.InvariantCulture);
            expiry = format switch
            {
                '0' or '1' => TwoDigitYearDate(Part(2), Part(0), 0, referenceYear),
                '2' => TwoDigitYearDate(Part(4), Part(0), Part(2), referenceYear),
                '3' or '4' => TwoDigitYearDate(Part(0), Part(2), Part(4), referenceYear),
                '5' or '6' => Julian(digits[..5], referenceYear),
                _ => null,
            };
            return format == '7' || expiry is not null;
        }

        private static DateOnly? Julian(string yyjjj, int referenceYear)
        {
            if (!yyjjj.All(char.IsAsciiDigit) || TwoDigitYearDate(int.Parse(yyjjj[..2], CultureInfo.InvariantCulture), 1, 1, referenceYear) is not { } first)
            {
                return null;
            }

            var day = int.Parse(yyjjj[2..], CultureInfo.InvariantCulture);
            return day >= 1 && day <= (DateTime.IsLeapYear(first.Year) ? 366 : 365) ? first.AddDays(day - 1) : null;
        }

        private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
