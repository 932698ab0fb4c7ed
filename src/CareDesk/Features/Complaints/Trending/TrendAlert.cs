namespace CareDesk.Features.Complaints.Trending;

/// <summary>What quality is told, live and by e-mail, when a trend signals.</summary>
/// <param name="Month">The month, <c>2026-03</c>.</param>
/// <param name="Rule"><see cref="UChart.ActionLimit"/> or <see cref="UChart.TwoOfThree"/>.</param>
public sealed record TrendAlert(Guid SignalId, string ModelId, string ModelName, string Code, string Month, string Rule, long Complaints, long Units);
