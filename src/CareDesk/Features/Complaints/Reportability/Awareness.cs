namespace CareDesk.Features.Complaints.Reportability;

/// <summary>When and where someone acting for the maker received the information (the contact's start).</summary>
public sealed record Awareness(DateTimeOffset At, TimeZoneInfo TimeZone);
