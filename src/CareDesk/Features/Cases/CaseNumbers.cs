using System.Security.Cryptography;

namespace CareDesk.Features.Cases;

/// <summary>
/// Case numbers a caller can read out and an agent can type back, in one of two styles an installation chooses
/// (<see cref="CaseNumberOptions"/>):
/// <list type="bullet">
/// <item><b>letters</b>: eight characters from an alphabet without the ones people confuse on the phone or on paper (no
/// 0, O, 1, I, L, and no U to mistake for V), shown as <c>K7M2-Q9XD</c>; 30^8 ≈ 6.6 × 10^11 numbers.</item>
/// <item><b>digits</b>: nine digits (the first not 0) and a Damm check digit, shown as <c>58203-71946</c>: elderly Chinese
/// callers read digits more easily than Latin letters. The check digit catches every single wrong digit and every
/// swap of two neighbouring digits, so a misheard number finds no case rather than another caller's. 9 × 10^8 numbers.</item>
/// </list>
/// Random numbers collide rarely, and the unique index catches it. Both styles are always read back (an installation
/// that changes style keeps finding its older cases): eight characters are letters style, ten digits digits style.
/// </summary>
public static class CaseNumbers
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 8;
    public const int DigitsLength = 10;

    // Damm's quasigroup of order 10 (weakly totally anti-symmetric): H. M. Damm, "Total anti-symmetrische
    // Quasigruppen", 2004; the table as published with the algorithm.
    private static readonly byte[,] Damm =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
        { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
        { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
        { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
        { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
        { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
        { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    public static string New(CaseNumberStyle style) => style == CaseNumberStyle.Digits ? NewDigits() : New();

    /// <summary>A new number in the letters style.</summary>
    public static string New()
    {
        Span<char> number = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            number[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(number);
    }

    private static string NewDigits()
    {
        Span<char> number = stackalloc char[DigitsLength];
        number[0] = (char)('1' + RandomNumberGenerator.GetInt32(9));
        for (var i = 1; i < DigitsLength - 1; i++)
        {
            number[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        number[^1] = (char)('0' + CheckDigit(number[..^1]));
        return new string(number);
    }

    /// <summary>Damm's check digit of <paramref name="digits"/>: appended, the whole number checks to 0.</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var interim = 0;
        foreach (var digit in digits)
        {
            interim = Damm[interim, digit - '0'];
        }

        return interim;
    }

    /// <summary><c>K7M2Q9XD</c> → <c>K7M2-Q9XD</c>; <c>5820371946</c> → <c>58203-71946</c>.</summary>
    public static string Display(string number) => number.Length switch
    {
        Length => $"{number[..4]}-{number[4..]}",
        DigitsLength when number.All(char.IsAsciiDigit) => $"{number[..5]}-{number[5..]}",
        _ => number,
    };

    /// <summary>
    /// What an agent typed (any case, with dashes or spaces, full-width or not) as a stored number of either style, or
    /// null when it cannot be one — ten digits whose check digit does not hold included.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var chars = new List<char>(DigitsLength);
        foreach (var raw in typed)
        {
            // Full-width digits, letters and dashes, as a Chinese input method types them.
            var c = char.ToUpperInvariant(raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw);
            if (c is '-' or ' ' or '\u3000')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) && !Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            chars.Add(c);
        }

        var number = new string([.. chars]);
        return number.Length switch
        {
            Length when number.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) => number,
            DigitsLength when number.All(char.IsAsciiDigit) && CheckDigit(number) == 0 => number,
            _ => null,
        };
    }
}
