using System.Globalization;
using CareDesk.Features.ServiceLevels;

namespace CareDesk.Tests.Features.ServiceLevels;

/// <summary>The calendars the service-level tests run on, and a short way to write instants.</summary>
internal static class Calendars
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Berlin, Mon–Fri 08:00–12:00 and 13:00–18:00 (9 h a day), German public holidays.</summary>
    public static BusinessCalendar BerlinOffice { get; } = Build(new BusinessCalendarSettings
    {
        Id = "de-office",
        TimeZone = "Europe/Berlin",
        OfficeHours = Daily(Weekdays, ("08:00", "12:00"), ("13:00", "18:00")),
        HolidayCountry = "DE",
    });

    /// <summary>Berlin, every day 00:00–24:00 by the wall clock: a DST day has 23 or 25 hours.</summary>
    public static BusinessCalendar BerlinRoundTheClock { get; } = Build(new BusinessCalendarSettings
    {
        Id = "de-wall-clock",
        TimeZone = "Europe/Berlin",
        OfficeHours = Daily(Enum.GetValues<DayOfWeek>(), ("00:00", "00:00")),
    });

    /// <summary>Berlin weekend night shift: Saturday 22:00–24:00 and Sunday 00:00–06:00.</summary>
    public static BusinessCalendar BerlinNightShift { get; } = Build(new BusinessCalendarSettings
    {
        Id = "de-night",
        TimeZone = "Europe/Berlin",
        OfficeHours = [Hours(DayOfWeek.Saturday, "22:00", "00:00"), Hours(DayOfWeek.Sunday, "00:00", "06:00")],
        ExtraWorkingDaysFollow = DayOfWeek.Saturday,
    });

    /// <summary>New York, Mon–Fri 09:00–17:00, US federal holidays.</summary>
    public static BusinessCalendar NewYorkOffice { get; } = Build(new BusinessCalendarSettings
    {
        Id = "us-office",
        TimeZone = "America/New_York",
        OfficeHours = Daily(Weekdays, ("09:00", "17:00")),
        HolidayCountry = "US",
    });

    public static BusinessCalendar NewYorkRoundTheClock { get; } = Build(new BusinessCalendarSettings
    {
        Id = "us-wall-clock",
        TimeZone = "America/New_York",
        OfficeHours = Daily(Enum.GetValues<DayOfWeek>(), ("00:00", "00:00")),
    });

    /// <summary>
    /// Shanghai, Mon–Fri 09:00–12:00 and 13:00–18:00 (8 h a day); Spring Festival 2026 closed Sunday 15 to Monday
    /// 23 February, with Saturdays 14 and 28 February worked instead (custom days: the library has no China).
    /// </summary>
    public static BusinessCalendar ShanghaiOffice { get; } = Build(new BusinessCalendarSettings
    {
        Id = "cn-office",
        TimeZone = "Asia/Shanghai",
        OfficeHours = Daily(Weekdays, ("09:00", "12:00"), ("13:00", "18:00")),
        ClosedDays = [.. Enumerable.Range(15, 9).Select(day => new DateOnly(2026, 2, day))],
        ExtraWorkingDays = [new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28)],
    });

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    public static OfficeHours Hours(DayOfWeek day, string opens, string closes) =>
        new(day, TimeOnly.Parse(opens, CultureInfo.InvariantCulture), TimeOnly.Parse(closes, CultureInfo.InvariantCulture));

    public static IReadOnlyList<OfficeHours> Daily(IEnumerable<DayOfWeek> days, params (string Opens, string Closes)[] intervals) =>
        [.. days.SelectMany(day => intervals.Select(i => Hours(day, i.Opens, i.Closes)))];

    public static BusinessCalendar Build(BusinessCalendarSettings settings)
    {
        var built = BusinessCalendar.Create(settings);
        Assert.True(built.Succeeded, built.Failure?.ToString());
        return built.Value!;
    }

    public static BusinessCalendar Named(string name) => name switch
    {
        "berlin-office" => BerlinOffice,
        "berlin-24h" => BerlinRoundTheClock,
        "berlin-night" => BerlinNightShift,
        "new-york-office" => NewYorkOffice,
        "new-york-24h" => NewYorkRoundTheClock,
        "shanghai-office" => ShanghaiOffice,
        "24x7" => BusinessCalendar.AlwaysOpen,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
