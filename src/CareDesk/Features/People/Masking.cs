namespace CareDesk.Features.People;

/// <summary>How personal data looks to a viewer who must not see it whole.</summary>
public static class Masking
{
    public const string Hidden = "***";

    /// <summary>
    /// +8613812345678 → +86138****5678: the middle goes, the ends stay to match what the caller says. At least four
    /// characters are always hidden (a short landline or extension is never shown whole): numbers of 11 or more keep
    /// up to six leading and four trailing characters, shorter ones up to three leading and two trailing.
    /// </summary>
    public static string Phone(string value)
    {
        const int alwaysHidden = 4;
        if (value.Length <= 6)
        {
            return Hidden;
        }

        var keepEnd = value.Length >= 11 ? 4 : 2;
        var keepStart = Math.Min(value.Length >= 11 ? 6 : 3, value.Length - keepEnd - alwaysHidden);
        return string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));
    }

    /// <summary>wang.jianguo@example.com → w***@example.com.</summary>
    public static string Email(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? Hidden : string.Concat(value.AsSpan(0, 1), Hidden, value.AsSpan(at));
    }

    public static string? Text(string? value) => value is null ? null : Hidden;
}
