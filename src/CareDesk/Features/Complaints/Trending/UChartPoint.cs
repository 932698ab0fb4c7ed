namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// One month of a u-chart. Rates are complaints per unit in use; the limits are the month's own, from its own
/// denominator; null where the month has no units or too short a baseline.
/// </summary>
public sealed record UChartPoint(
    int Month, long Complaints, long Units, double? Rate, double? CentreLine,
    double? UpperWarning, double? UpperAction, double? LowerWarning, double? LowerAction, string? Signal);
