using System.Globalization;

namespace CareDesk.Platform.Localization;

/// <summary>The UI languages of CareDesk (F36): English and Simplified Chinese.</summary>
public static class SupportedCultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";
    public const string Default = English;

    public static readonly IReadOnlyList<string> All = [English, Chinese];

    public static bool IsSupported(string? culture) =>
        culture is not null && All.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static string Normalize(string? culture) =>
        All.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Default;

    /// <summary>Whether <paramref name="culture"/> (default: the current UI culture) reads Chinese: pick the Chinese name of a thing.</summary>
    public static bool IsChinese(CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).Name.StartsWith("zh", StringComparison.Ordinal);

    public static CultureInfo[] Cultures => [.. All.Select(CultureInfo.GetCultureInfo)];
}
