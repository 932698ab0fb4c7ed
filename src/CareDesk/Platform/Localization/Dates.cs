using System.Globalization;

namespace CareDesk.Platform.Localization;

/// <summary>
/// One way to write a date, and a date with its time, per language: "2024年12月6日 14:05" in Chinese,
/// "6 Dec 2024 14:05" in English. Every page writes dates through here, never with a format of its own.
/// </summary>
public static class Dates
{
    public static string Format(DateOnly date, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return date.ToString(SupportedCultures.IsChinese(culture) ? "yyyy年M月d日" : "d MMM yyyy", culture);
    }

    /// <summary>A date and time of day as it is on the reader's clock (convert to their zone first).</summary>
    public static string Format(DateTime local, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return Format(DateOnly.FromDateTime(local), culture) + " " + local.ToString("HH:mm", culture);
    }
}
