namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// One open interval of a weekday, in local wall-clock time. <see cref="Closes"/> 00:00 means midnight at the
/// end of the day; an interval never runs past midnight (a night shift is two intervals, one on each day).
/// </summary>
public sealed record OfficeHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
