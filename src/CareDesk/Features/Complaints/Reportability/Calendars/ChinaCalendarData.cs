namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>One year of China's State Council holiday notice: days off (inclusive ranges) and make-up working days.</summary>
public sealed record ChinaCalendarYear(
    int Year,
    string Source,
    IReadOnlyList<ChinaHolidayRange> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkingDays);

public sealed record ChinaHolidayRange(string Name, DateOnly From, DateOnly To);

/// <summary>
/// Where China's calendar comes from. Today the reviewed file shipped in the assembly; an admin-edited store can
/// replace it later without touching the engine, which only sees the loaded <see cref="ChinaCalendar"/>.
/// </summary>
public interface IChinaCalendarSource
{
    IReadOnlyList<ChinaCalendarYear> Load();
}
