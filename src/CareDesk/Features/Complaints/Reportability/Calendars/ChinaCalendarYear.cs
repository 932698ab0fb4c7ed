namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>One year of China's State Council holiday notice: days off (inclusive ranges) and make-up working days.</summary>
public sealed record ChinaCalendarYear(
    int Year,
    string Source,
    IReadOnlyList<ChinaHolidayRange> Holidays,
    IReadOnlyList<DateOnly> MakeUpWorkingDays);
