using System.Collections.Frozen;
using System.Collections.Immutable;
using CareDesk.Platform.Api;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// When a care center is open: always (24/7), or office hours per weekday in a time zone, closed on the public
/// holidays of a country and on custom days, open on custom extra working days. Immutable and safe to share.
/// </summary>
public sealed class BusinessCalendar
{
    // A calendar whose next open minute is further away than this is broken; the clock must not spin forever.
    private const int MaxClosedDaysInARow = 3660;

    private readonly ImmutableArray<(TimeOnly Opens, TimeOnly Closes)>[] hoursByDay;
    private readonly FrozenSet<DateOnly> closedDays;
    private readonly FrozenSet<DateOnly> extraWorkingDays;
    private readonly DayOfWeek extraWorkingDaysFollow;
    private readonly PublicHolidays? holidays;

    private BusinessCalendar(
        string id,
        bool alwaysOpen,
        TimeZoneInfo timeZone,
        ImmutableArray<(TimeOnly, TimeOnly)>[] hoursByDay,
        PublicHolidays? holidays,
        FrozenSet<DateOnly> closedDays,
        FrozenSet<DateOnly> extraWorkingDays,
        DayOfWeek extraWorkingDaysFollow)
    {
        Id = id;
        IsAlwaysOpen = alwaysOpen;
        TimeZone = timeZone;
        this.hoursByDay = hoursByDay;
        this.holidays = holidays;
        this.closedDays = closedDays;
        this.extraWorkingDays = extraWorkingDays;
        this.extraWorkingDaysFollow = extraWorkingDaysFollow;
    }

    /// <summary>Open every instant, in UTC.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        "24x7", true, TimeZoneInfo.Utc, EmptyWeek(), null, FrozenSet<DateOnly>.Empty, FrozenSet<DateOnly>.Empty, DayOfWeek.Monday);

    public string Id { get; }

    public bool IsAlwaysOpen { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The country whose public holidays close the office, or null.</summary>
    public string? HolidayCountry => holidays?.Country;

    /// <summary>Checks the settings and builds the calendar; a wrong value fails naming its field.</summary>
    public static Result<BusinessCalendar> Create(BusinessCalendarSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Id))
        {
            return Failure.Invalid("id", "Calendar.IdRequired");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone ?? "", out var timeZone))
        {
            return Failure.Invalid("timeZone", "Calendar.TimeZoneUnknown", settings.TimeZone ?? "");
        }

        if (settings.AlwaysOpen)
        {
            var extra = settings.OfficeHours.Count > 0 ? "officeHours"
                : settings.HolidayCountry is not null ? "holidayCountry"
                : settings.ClosedDays.Count > 0 ? "closedDays"
                : settings.ExtraWorkingDays.Count > 0 ? "extraWorkingDays"
                : null;
            return extra is null
                ? new BusinessCalendar(settings.Id, true, timeZone, EmptyWeek(), null, FrozenSet<DateOnly>.Empty, FrozenSet<DateOnly>.Empty, DayOfWeek.Monday)
                : Failure.Invalid(extra, "Calendar.AlwaysOpenHasNoHours");
        }

        if (settings.OfficeHours.Count == 0)
        {
            return Failure.Invalid("officeHours", "Calendar.HoursRequired");
        }

        for (var i = 0; i < settings.OfficeHours.Count; i++)
        {
            var hours = settings.OfficeHours[i];
            if (!Enum.IsDefined(hours.Day))
            {
                return Failure.Invalid($"officeHours[{i}].day", "Calendar.DayInvalid");
            }

            if (hours.Closes != TimeOnly.MinValue && hours.Closes <= hours.Opens)
            {
                return Failure.Invalid($"officeHours[{i}].closes", "Calendar.HoursOrder");
            }
        }

        var week = EmptyWeek();
        foreach (var day in settings.OfficeHours.GroupBy(h => h.Day))
        {
            var ordered = day.OrderBy(h => h.Opens).ToList();
            for (var j = 1; j < ordered.Count; j++)
            {
                if (EndOf(ordered[j - 1].Closes) > ordered[j].Opens.ToTimeSpan())
                {
                    var index = IndexOf(settings.OfficeHours, ordered[j]);
                    return Failure.Invalid($"officeHours[{index}].opens", "Calendar.HoursOverlap");
                }
            }

            week[(int)day.Key] = [.. ordered.Select(h => (h.Opens, h.Closes))];
        }

        if (!Enum.IsDefined(settings.ExtraWorkingDaysFollow) || week[(int)settings.ExtraWorkingDaysFollow].IsEmpty)
        {
            return Failure.Invalid("extraWorkingDaysFollow", "Calendar.FollowedDayHasNoHours");
        }

        var both = settings.ClosedDays.Intersect(settings.ExtraWorkingDays).Order().ToList();
        if (both.Count > 0)
        {
            return Failure.Invalid("extraWorkingDays", "Calendar.DayClosedAndWorking", both[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        PublicHolidays? holidays = null;
        if (settings.HolidayCountry is { } country)
        {
            holidays = PublicHolidays.For(country);
            if (holidays is null)
            {
                return Failure.Invalid("holidayCountry", "Calendar.HolidayCountryUnsupported", country);
            }
        }

        return new BusinessCalendar(
            settings.Id,
            false,
            timeZone,
            week,
            holidays,
            settings.ClosedDays.ToFrozenSet(),
            settings.ExtraWorkingDays.ToFrozenSet(),
            settings.ExtraWorkingDaysFollow);
    }

    /// <summary>Whether a local date is closed all day: a public holiday or a custom closed day, unless it is an extra working day.</summary>
    public bool IsClosedDay(DateOnly localDate) =>
        !IsAlwaysOpen && !extraWorkingDays.Contains(localDate)
        && (closedDays.Contains(localDate) || (holidays?.IsHoliday(localDate) ?? false));

    /// <summary>The office hours of a local date (none when closed), in local wall-clock time.</summary>
    public ImmutableArray<(TimeOnly Opens, TimeOnly Closes)> HoursOn(DateOnly localDate)
    {
        if (IsAlwaysOpen)
        {
            return [(TimeOnly.MinValue, TimeOnly.MinValue)];
        }

        if (IsClosedDay(localDate))
        {
            return [];
        }

        var own = hoursByDay[(int)localDate.DayOfWeek];
        return own.IsEmpty && extraWorkingDays.Contains(localDate) ? hoursByDay[(int)extraWorkingDaysFollow] : own;
    }

    public bool IsOpenAt(DateTimeOffset instant)
    {
        var first = OpenIntervals(instant).First();
        return first.Start == instant;
    }

    /// <summary>
    /// The open intervals from <paramref name="from"/> on, in order, in UTC; the first one is cut at
    /// <paramref name="from"/>. It steps by whole intervals, one local day at a time, never by the minute.
    /// </summary>
    public IEnumerable<TimeInterval> OpenIntervals(DateTimeOffset from)
    {
        from = from.ToUniversalTime();
        if (IsAlwaysOpen)
        {
            yield return new TimeInterval(from, DateTimeOffset.MaxValue);
            yield break;
        }

        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, TimeZone).DateTime);
        var closedInARow = 0;
        while (closedInARow < MaxClosedDaysInARow)
        {
            var open = false;
            foreach (var (opens, closes) in HoursOn(date))
            {
                var start = ToUtc(date.ToDateTime(opens));
                var end = ToUtc(closes == TimeOnly.MinValue ? date.AddDays(1).ToDateTime(TimeOnly.MinValue) : date.ToDateTime(closes));
                if (start < from)
                {
                    start = from;
                }

                if (end > start)
                {
                    open = true;
                    yield return new TimeInterval(start, end);
                }
            }

            closedInARow = open ? 0 : closedInARow + 1;
            date = date.AddDays(1);
        }

        throw new InvalidOperationException($"Business calendar '{Id}' has no open time within {MaxClosedDaysInARow} days of {from:O}.");
    }

    /// <summary>
    /// The instant a local wall-clock time names. A time skipped when clocks spring forward names the instant
    /// the clocks jump (the first moment the wall clock shows it or later); a time that happens twice when clocks
    /// fall back names its first occurrence.
    /// </summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        if (TimeZone.IsInvalidTime(local))
        {
            // Gaps are whole minutes and at most a few hours long; this runs only on spring-forward days.
            var shown = local;
            while (TimeZone.IsInvalidTime(shown))
            {
                shown = shown.AddMinutes(1);
            }

            local = new DateTime(shown.Year, shown.Month, shown.Day, shown.Hour, shown.Minute, 0, DateTimeKind.Unspecified);
        }

        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static ImmutableArray<(TimeOnly, TimeOnly)>[] EmptyWeek() =>
        [.. Enumerable.Repeat(ImmutableArray<(TimeOnly, TimeOnly)>.Empty, 7)];

    private static TimeSpan EndOf(TimeOnly closes) => closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : closes.ToTimeSpan();

    private static int IndexOf(IReadOnlyList<OfficeHours> hours, OfficeHours item)
    {
        for (var i = 0; i < hours.Count; i++)
        {
            if (ReferenceEquals(hours[i], item))
            {
                return i;
            }
        }

        return -1;
    }
}
