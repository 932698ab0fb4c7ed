using System.Globalization;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// A calendar month as one integer, year × 12 + month − 1, so both databases group and range-scan it as a plain column;
/// written <c>2026-03</c> on the API.
/// </summary>
public static class TrendMonth
{
    public static int Of(int year, int month) => (year * 12) + month - 1;

    public static int Of(DateOnly date) => Of(date.Year, date.Month);

    /// <summary>The month <paramref name="at"/> falls in, read in <paramref name="zone"/>.</summary>
    public static int Of(DateTimeOffset at, TimeZoneInfo zone) => Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime));

    public static DateOnly FirstDay(int month) => new(month / 12, (month % 12) + 1, 1);

    /// <summary>The instant the month begins in UTC.</summary>
    public static DateTimeOffset Start(int month) => new(FirstDay(month).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static string Format(int month) => FirstDay(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out int month)
    {
        month = 0;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < 1900 || date.Year > 9998)
        {
            return false;
        }

        month = Of(date);
        return true;
    }
}
