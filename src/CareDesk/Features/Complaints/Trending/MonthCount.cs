namespace CareDesk.Features.Complaints.Trending;

/// <summary>One month's count and denominator, as read from the database.</summary>
public readonly record struct MonthCount(int Month, long Complaints, long Units);
