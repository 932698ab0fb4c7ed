using System.Collections.Frozen;
using CareDesk.Features.ServiceLevels;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>
/// Which days a regulator's office counts as working days: Monday to Friday less public holidays, plus any weekend
/// day declared a working day (China's 调休). <see cref="Covers"/> says whether the data for a year is known; a year
/// without data falls back to plain weekends, and the engine says so in its rationale.
/// </summary>
public abstract class WorkingCalendar
{
    public abstract string Name { get; }

    public abstract bool IsWorkingDay(DateOnly date);

    public abstract bool Covers(int year);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/> (start itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>The date itself when it is a working day, else the next working day.</summary>
    public DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    protected static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

/// <summary>Weekends and the public holidays of one country from the PublicHoliday library (US, EU member states).</summary>
internal sealed class LibraryCalendar(string country, PublicHolidays? holidays) : WorkingCalendar
{
    public override string Name => country;

    public override bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && holidays?.IsHoliday(date) != true;

    // The library computes its holidays for any year; a country it does not know has no holiday data at all.
    public override bool Covers(int year) => holidays is not null;
}

/// <summary>China: weekends, the State Council's days off, and its make-up working days.</summary>
public sealed class ChinaCalendar : WorkingCalendar
{
    private readonly FrozenSet<DateOnly> daysOff;
    private readonly FrozenSet<DateOnly> makeUpWorkingDays;
    private readonly FrozenSet<int> years;

    public ChinaCalendar(IReadOnlyList<ChinaCalendarYear> data)
    {
        Years = data;
        daysOff = data.SelectMany(y => y.Holidays)
            .SelectMany(h => Enumerable.Range(0, h.To.DayNumber - h.From.DayNumber + 1).Select(h.From.AddDays))
            .ToFrozenSet();
        makeUpWorkingDays = data.SelectMany(y => y.MakeUpWorkingDays).ToFrozenSet();
        years = data.Select(y => y.Year).ToFrozenSet();
    }

    public IReadOnlyList<ChinaCalendarYear> Years { get; }

    public override string Name => "CN";

    public override bool IsWorkingDay(DateOnly date) =>
        makeUpWorkingDays.Contains(date) || (!IsWeekend(date) && !daysOff.Contains(date));

    public override bool Covers(int year) => years.Contains(year);

    /// <summary>A 法定休假日 for the roll-forward of a last day: a day off that is not a make-up working day.</summary>
    public bool IsDayOff(DateOnly date) => !IsWorkingDay(date);
}
