namespace CareDesk.Features.Outreach;

/// <summary>
/// Serial numbers from <see cref="Start"/> to <see cref="End"/>, both included: a shared prefix and a numeric tail
/// compared as a number ("SN9" comes before "SN10"; "SN0050" and "SN50" are the same place in the range).
/// </summary>
public sealed record SerialRange(string Start, string End)
{
    /// <summary>The text before the trailing digits, which every serial in the range starts with.</summary>
    public string Prefix => Split(Start).Prefix;

    /// <summary>The start's number without leading zeros ("" for zero), for comparing by length, then digit by digit.</summary>
    public string Low => Split(Start).Number;

    public string High => Split(End).Number;

    /// <summary>A serial's prefix and its trailing number without leading zeros; null when it does not end in a digit.</summary>
    public static (string Prefix, string Number)? Parse(string serial)
    {
        var tail = serial.Length;
        while (tail > 0 && char.IsAsciiDigit(serial[tail - 1]))
        {
            tail--;
        }

        return tail == serial.Length ? null : (serial[..tail], serial[tail..].TrimStart('0'));
    }

    /// <summary>Whether <paramref name="serial"/> is in the range: same prefix, digits only after it, number within.</summary>
    public bool Contains(string? serial)
    {
        if (serial is null || !serial.StartsWith(Prefix, StringComparison.Ordinal) || serial.Length == Prefix.Length)
        {
            return false;
        }

        var tail = serial[Prefix.Length..];
        if (!tail.All(char.IsAsciiDigit))
        {
            return false;
        }

        var number = tail.TrimStart('0');
        return CompareNumbers(number, Low) >= 0 && CompareNumbers(number, High) <= 0;
    }

    /// <summary>Two numbers without leading zeros: the longer is larger; of equal length, the first differing digit decides.</summary>
    public static int CompareNumbers(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private static (string Prefix, string Number) Split(string serial) => Parse(serial) ?? (serial, "");
}
