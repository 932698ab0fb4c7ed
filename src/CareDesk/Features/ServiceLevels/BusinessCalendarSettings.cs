namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// What a <see cref="BusinessCalendar"/> is made from: plain values, so it can come from configuration, a
/// database row or a test. <see cref="BusinessCalendar.Create"/> checks it and names the wrong field.
/// </summary>
public sealed record BusinessCalendarSettings
{
    /// <summary>The name service-level policies refer to, e.g. <c>cn-office</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Open every instant (24/7): no office hours, holidays or custom days apply.</summary>
    public bool AlwaysOpen { get; init; }

    /// <summary>IANA time zone the office hours and days are read in, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Open intervals per weekday; several a day are allowed (08:00–12:00 and 13:00–18:00).</summary>
    public IReadOnlyList<OfficeHours> OfficeHours { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 country whose public holidays close the office (see docs/service-levels.md).</summary>
    public string? HolidayCountry { get; init; }

    /// <summary>Local dates the office is closed besides public holidays (company days, countries without a holiday source).</summary>
    public IReadOnlyList<DateOnly> ClosedDays { get; init; } = [];

    /// <summary>
    /// Local dates the office works although they are a weekend or a public holiday (China's moved working days
    /// around Spring Festival and National Day).
    /// </summary>
    public IReadOnlyList<DateOnly> ExtraWorkingDays { get; init; } = [];

    /// <summary>The weekday whose office hours an extra working day keeps when its own weekday has none.</summary>
    public DayOfWeek ExtraWorkingDaysFollow { get; init; } = DayOfWeek.Monday;
}
