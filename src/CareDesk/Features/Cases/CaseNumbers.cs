using System.Security.Cryptography;

namespace CareDesk.Features.Cases;

/// <summary>
/// Case numbers a caller can read out and an agent can type back: eight characters from an alphabet without the
/// ones people confuse on the phone or on paper (no 0, O, 1, I, L, and no U to mistake for V), shown as
/// <c>K7M2-Q9XD</c>. 30^8 ≈ 6.6 × 10^11 numbers: random ones collide rarely, and the unique index catches it.
/// </summary>
public static class CaseNumbers
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 8;

    public static string New()
    {
        Span<char> number = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            number[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(number);
    }

    /// <summary><c>K7M2Q9XD</c> → <c>K7M2-Q9XD</c>.</summary>
    public static string Display(string number) => number.Length == Length ? $"{number[..4]}-{number[4..]}" : number;

    /// <summary>
    /// What an agent typed (any case, with dashes or spaces) as a stored number, or null when it cannot be one.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var chars = new List<char>(Length);
        foreach (var raw in typed)
        {
            if (raw is '-' or ' ' or '\u3000')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw);
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            chars.Add(c);
        }

        return chars.Count == Length ? new string([.. chars]) : null;
    }
}
