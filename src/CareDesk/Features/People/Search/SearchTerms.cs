using System.Text;
using PhoneNumbers;

namespace CareDesk.Features.People.Search;

/// <summary>
/// The words a person is found by in the search box (F1), stored in <see cref="PersonSearchTerm"/> and looked up as
/// prefixes, so a term that is a suffix finds any part: every suffix of the compact name ("marysmith", "smith",
/// "mith"…, "王建国", "建国", "国"), every pinyin spelling of it from each ideograph on ("wangjianguo", "jianguo", "guo";
/// each reading of an ideograph with several), and every suffix of four or more digits of each phone number, in its
/// E.164 form and its national one (+86 10 6552 9988 also as 01065529988). docs/adr/0003-people-search-terms.md.
/// </summary>
public static class SearchTerms
{
    public const int MaxLength = 64;

    /// <summary>Fewer digits than this do not search numbers (three digits are in a thousandth of all numbers).</summary>
    public const int MinDigits = 4;

    // Longer names are found by their first 32 letters; it keeps a person's terms to a few dozen.
    private const int MaxNameLetters = 32;

    // A name of ideographs with several readings each has their product of spellings; past this many the rarest go.
    private const int MaxSpellingsPerStart = 16;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Text as it is compared: lower case, without accents, spaces or punctuation, full-width forms as ASCII
    /// ("Mary Smith" → "marysmith", "Wáng Lì" → "wangli", "王 丽" → "王丽").
    /// </summary>
    public static string Compact(string text)
    {
        // Compatibility decomposition: full-width letters become ASCII and accents separate from their letters.
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The digits of a query typed as (part of) a phone number, or null when it holds more than digits and separators.</summary>
    public static string? PhoneDigits(string query)
    {
        var decomposed = query.Normalize(NormalizationForm.FormKC);
        var digits = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+' or '/'))
            {
                return null;
            }
        }

        return digits.Length == 0 ? null : digits.ToString();
    }

    public static IReadOnlyCollection<string> ForName(string displayName)
    {
        var compact = Compact(displayName);
        if (compact.Length > MaxNameLetters)
        {
            compact = compact[..MaxNameLetters];
        }

        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < compact.Length; i++)
        {
            terms.Add(Cap(compact[i..]));
        }

        var readings = new IReadOnlyList<string>[compact.Length];
        var anyIdeograph = false;
        for (var i = 0; i < compact.Length; i++)
        {
            readings[i] = WithPlainU(Pinyin.Of(compact[i]));
            anyIdeograph |= readings[i].Count > 0;
        }

        if (anyIdeograph)
        {
            for (var start = 0; start < compact.Length; start++)
            {
                if (readings[start].Count == 0)
                {
                    continue;
                }

                foreach (var spelling in Spellings(compact, readings, start).Take(MaxSpellingsPerStart))
                {
                    terms.Add(Cap(spelling));
                }
            }
        }

        return terms;
    }

    /// <summary>Every suffix of four or more digits of the number, in E.164 (without +) and in its national form.</summary>
    public static IReadOnlyCollection<string> ForPhone(string e164)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        AddSuffixes(terms, Digits(e164));
        try
        {
            AddSuffixes(terms, Digits(Phones.Format(Phones.Parse(e164, null), PhoneNumberFormat.NATIONAL)));
        }
        catch (NumberParseException)
        {
            // Stored numbers are E.164 and parse; one that does not is still found by its E.164 digits.
        }

        return terms;
    }

    private static void AddSuffixes(HashSet<string> terms, string digits)
    {
        for (var i = 0; i + MinDigits <= digits.Length; i++)
        {
            terms.Add(Cap(digits[i..]));
        }
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static string Cap(string term) => term.Length > MaxLength ? term[..MaxLength] : term;

    // Pinyin keyboards type ü as v (lv for 吕), people without one as u (lu): both find the person.
    private static IReadOnlyList<string> WithPlainU(IReadOnlyList<string> readings) =>
        readings.Any(r => r.Contains('v', StringComparison.Ordinal))
            ? [.. readings.Concat(readings.Where(r => r.Contains('v', StringComparison.Ordinal)).Select(r => r.Replace('v', 'u'))).Distinct()]
            : readings;

    private static IEnumerable<string> Spellings(string compact, IReadOnlyList<string>[] readings, int start)
    {
        if (start == compact.Length)
        {
            yield return "";
            yield break;
        }

        IReadOnlyList<string> here = readings[start].Count > 0 ? readings[start] : [compact[start].ToString()];
        foreach (var reading in here)
        {
            foreach (var rest in Spellings(compact, readings, start + 1))
            {
                yield return reading + rest;
            }
        }
    }
}
