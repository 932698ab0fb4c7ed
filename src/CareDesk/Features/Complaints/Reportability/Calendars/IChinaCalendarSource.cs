namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>
/// Where China's calendar comes from. Today the reviewed file shipped in the assembly; an admin-edited store can
/// replace it later without touching the engine, which only sees the loaded <see cref="ChinaCalendar"/>.
/// </summary>
public interface IChinaCalendarSource
{
    IReadOnlyList<ChinaCalendarYear> Load();
}
