namespace CareDesk.Features.Complaints.Trending;

/// <summary>How the u-chart judges a month (section <c>Trending</c> of the settings is not needed: these are the documented defaults).</summary>
/// <param name="BaselineMonths">The months before a month whose pooled rate is its centre line.</param>
/// <param name="MinimumBaselineMonths">Fewer baseline months with units than this: no limits, no signal.</param>
/// <param name="MinimumCount">A month with fewer complaints never signals: one complaint against a baseline of none is not a trend.</param>
public sealed record UChartRules(int BaselineMonths = 12, int MinimumBaselineMonths = 6, long MinimumCount = 3, double WarningSigmas = 2, double ActionSigmas = 3)
{
    public static UChartRules Default { get; } = new();
}
