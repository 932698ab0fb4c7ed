using System.Collections.Frozen;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

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
