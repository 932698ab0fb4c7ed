namespace CareDesk.Features.Complaints.Reportability.Calendars;

public sealed record ChinaHolidayRange(string Name, DateOnly From, DateOnly To);
