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
