namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// The u-chart (Montgomery, Introduction to Statistical Quality Control, 7th ed., 7.3.3) of a complaint rate: centre line
/// ū = Σc / Σn pooled over the <see cref="UChartRules.BaselineMonths"/> months before each month (a moving baseline, so each
/// month is judged as the alert judged it when it happened), limits ū ± k·√(ū / nᵢ) with nᵢ that month's units,
/// 2σ warning and 3σ action, lower limits floored at 0. A month signals (<see cref="ActionLimit"/>) when its rate is above
/// its action limit, or (<see cref="TwoOfThree"/>) when it and one of the two months before are above their warning limits
/// (Western Electric rule 2, one-sided: only rises matter here) — and it has at least <see cref="UChartRules.MinimumCount"/> complaints.
/// </summary>
public static class UChart
{
    public const string ActionLimit = "action-limit";
    public const string TwoOfThree = "two-of-three-warning";

    /// <param name="months">Consecutive months, oldest first, including the baseline months before the first one to chart.</param>
    /// <param name="firstCharted">The first month to return; the ones before only serve as its baseline.</param>
    public static IReadOnlyList<UChartPoint> Compute(IReadOnlyList<MonthCount> months, int firstCharted, UChartRules rules)
    {
        var points = new UChartPoint[months.Count];
        for (var i = 0; i < months.Count; i++)
        {
            points[i] = Point(months, i, rules);
        }

        for (var i = 0; i < points.Length; i++)
        {
            points[i] = points[i] with { Signal = SignalOf(points, i, rules) };
        }

        return [.. points.Where(p => p.Month >= firstCharted)];
    }

    private static UChartPoint Point(IReadOnlyList<MonthCount> months, int i, UChartRules rules)
    {
        var (month, complaints, units) = months[i];
        double? rate = units > 0 ? (double)complaints / units : null;
        long baselineComplaints = 0, baselineUnits = 0;
        var baselineMonths = 0;
        for (var j = Math.Max(0, i - rules.BaselineMonths); j < i; j++)
        {
            if (months[j].Units > 0)
            {
                baselineComplaints += months[j].Complaints;
                baselineUnits += months[j].Units;
                baselineMonths++;
            }
        }

        if (baselineMonths < rules.MinimumBaselineMonths || units <= 0)
        {
            return new UChartPoint(month, complaints, units, rate, baselineMonths >= rules.MinimumBaselineMonths ? (double)baselineComplaints / baselineUnits : null,
                null, null, null, null, null);
        }

        var centre = (double)baselineComplaints / baselineUnits;
        var sigma = Math.Sqrt(centre / units);
        return new UChartPoint(month, complaints, units, rate, centre,
            centre + (rules.WarningSigmas * sigma), centre + (rules.ActionSigmas * sigma),
            Math.Max(0, centre - (rules.WarningSigmas * sigma)), Math.Max(0, centre - (rules.ActionSigmas * sigma)), null);
    }

    private static string? SignalOf(UChartPoint[] points, int i, UChartRules rules)
    {
        var point = points[i];
        if (point.Complaints < rules.MinimumCount)
        {
            return null;
        }

        if (point.Rate > point.UpperAction)
        {
            return ActionLimit;
        }

        static bool AboveWarning(UChartPoint p) => p.Rate > p.UpperWarning;
        return AboveWarning(point) && ((i >= 1 && AboveWarning(points[i - 1])) || (i >= 2 && AboveWarning(points[i - 2])))
            ? TwoOfThree
            : null;
    }
}
