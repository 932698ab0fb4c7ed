using CareDesk.Features.Complaints.Trending;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>The u-chart's statistics, with numbers checked by hand (the comments give the arithmetic).</summary>
public sealed class UChartTests
{
    private const double Precision = 1e-9;
    private static readonly int Start = TrendMonth.Of(2025, 1);

    // Twelve baseline months of 2 complaints per 1,000 units: ū = 24 / 12,000 = 0.002.
    private static List<MonthCount> Baseline(long complaints = 2, long units = 1000, int months = 12) =>
        [.. Enumerable.Range(Start, months).Select(m => new MonthCount(m, complaints, units))];

    [Fact]
    public void Limits_are_the_pooled_baseline_rate_plus_k_sigma_from_the_months_own_denominator()
    {
        var months = Baseline();
        months.Add(new MonthCount(Start + 12, 6, 1000));
        months.Add(new MonthCount(Start + 13, 2, 4000));

        var points = UChart.Compute(months, Start + 12, UChartRules.Default);

        // n = 1,000: σ = √(0.002 / 1,000) = 0.0014142136; 2σ warning 0.0048284271, 3σ action 0.0062426407, lower ones below 0.
        var first = points[0];
        Assert.Equal(0.006, first.Rate!.Value, Precision);
        Assert.Equal(0.002, first.CentreLine!.Value, Precision);
        Assert.Equal(0.0048284271, first.UpperWarning!.Value, 1e-9);
        Assert.Equal(0.0062426407, first.UpperAction!.Value, 1e-9);
        Assert.Equal((0.0, 0.0), (first.LowerWarning!.Value, first.LowerAction!.Value));
        // 6 per 1,000 is above the warning limit but not the action limit, and alone: no signal.
        Assert.Null(first.Signal);

        // The next month's baseline is months 2–13: ū = (11 × 2 + 6) / 12,000 = 0.0023333333; with n = 4,000,
        // σ = √(0.0023333333 / 4,000) = 0.00076376262: warning 0.0038608586, action 0.0046246212, lower warning 0.0008058081,
        // lower action 0.0000420455.
        var second = points[1];
        Assert.Equal(0.0023333333, second.CentreLine!.Value, 1e-9);
        Assert.Equal(0.0038608586, second.UpperWarning!.Value, 1e-9);
        Assert.Equal(0.0046246212, second.UpperAction!.Value, 1e-9);
        Assert.Equal(0.0008058081, second.LowerWarning!.Value, 1e-9);
        Assert.Equal(0.0000420455, second.LowerAction!.Value, 1e-9);
        Assert.Equal(0.0005, second.Rate!.Value, Precision);
    }

    [Theory]
    // 7 per 1,000 > 0.0062426407: above the action limit.
    [InlineData(7, UChart.ActionLimit)]
    // 6 per 1,000 is between warning and action: nothing on its own.
    [InlineData(6, null)]
    public void A_month_above_the_action_limit_signals(long complaints, string? signal)
    {
        var months = Baseline();
        months.Add(new MonthCount(Start + 12, complaints, 1000));

        Assert.Equal(signal, UChart.Compute(months, Start + 12, UChartRules.Default).Single().Signal);
    }

    [Fact]
    public void Two_of_three_months_above_the_warning_limit_signal_on_the_second()
    {
        var months = Baseline();
        // Month 13: 6 > 0.0048284271 (warning). Month 14: ū = 28 / 12,000, warning 0.0053883838, action 0.0069159090: 6 is above warning only.
        months.Add(new MonthCount(Start + 12, 6, 1000));
        months.Add(new MonthCount(Start + 13, 6, 1000));

        var points = UChart.Compute(months, Start + 12, UChartRules.Default);

        Assert.Equal(0.0053883838, points[1].UpperWarning!.Value, 1e-9);
        Assert.Equal(0.0069159090, points[1].UpperAction!.Value, 1e-9);
        Assert.Equal([null, UChart.TwoOfThree], points.Select(p => p.Signal));
    }

    [Fact]
    public void A_month_with_fewer_than_the_minimum_count_never_signals_even_against_a_baseline_of_none()
    {
        var months = Baseline(complaints: 0);
        months.Add(new MonthCount(Start + 12, 2, 1000));
        months.Add(new MonthCount(Start + 13, 3, 1000));

        var points = UChart.Compute(months, Start + 12, UChartRules.Default);

        // ū = 0: the limits are 0, and 2 complaints are not a trend; 3 are.
        Assert.Equal((0.0, 0.0), (points[0].UpperAction!.Value, points[0].CentreLine!.Value));
        Assert.Equal([null, UChart.ActionLimit], points.Select(p => p.Signal));
    }

    [Fact]
    public void Too_short_a_baseline_or_no_units_gives_no_limits_and_no_signal()
    {
        var months = Baseline(months: 5);
        months.Add(new MonthCount(Start + 5, 50, 1000));
        months.Add(new MonthCount(Start + 6, 50, 0));

        var points = UChart.Compute(months, Start + 5, UChartRules.Default);

        Assert.All(points, p => Assert.Equal((null, null), (p.UpperAction, p.Signal)));
        Assert.Null(points[1].Rate);
        // Month 7 has six baseline months, so a centre line ((5 × 2 + 50) / 6,000 = 0.01), but no units of its own: no limits.
        Assert.Equal(0.01, points[1].CentreLine!.Value, Precision);
    }

    [Fact]
    public void Seeded_noise_rarely_alerts_and_a_tripled_rate_alerts_in_the_month_it_starts()
    {
        var random = new Random(20261207);
        int noiseMonths = 0, falseAlarms = 0, rises = 0, caught = 0;
        for (var series = 0; series < 400; series++)
        {
            // 36 months at 10 complaints per 1,000 units; in half the series the last month triples.
            var planted = series % 2 == 0;
            var months = Enumerable.Range(Start, 36)
                .Select(m => new MonthCount(m, Poisson(random, planted && m == Start + 35 ? 30 : 10), 1000))
                .ToList();
            var points = UChart.Compute(months, Start + 12, UChartRules.Default);
            var quiet = planted ? points.Take(points.Count - 1) : points;
            noiseMonths += quiet.Count();
            falseAlarms += quiet.Count(p => p.Signal is not null);
            if (planted)
            {
                rises++;
                caught += points[^1].Signal is not null ? 1 : 0;
            }
        }

        // Expected about 0.6 % of months (3σ: P(X ≥ 20 | 10) ≈ 0.35 %; two of three above 2σ ≈ 0.2 %).
        Assert.InRange((double)falseAlarms / noiseMonths, 0, 0.015);
        // P(X ≥ 20 | 30) ≈ 98.6 %.
        Assert.InRange((double)caught / rises, 0.95, 1);
    }

    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData(" 2025-12 ", 2025, 12)]
    public void Months_are_read_as_year_and_month(string text, int year, int month)
    {
        Assert.True(TrendMonth.TryParse(text, out var parsed));
        Assert.Equal(TrendMonth.Of(year, month), parsed);
        Assert.Equal(text.Trim(), TrendMonth.Format(parsed));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-3")]
    [InlineData("March")]
    public void A_text_that_is_no_month_is_refused(string text) => Assert.False(TrendMonth.TryParse(text, out _));

    [Fact]
    public void The_month_of_an_instant_is_read_at_the_receiving_site()
    {
        // 1 March 2026 at 01:00 in Shanghai is still February in UTC.
        var at = new DateTimeOffset(2026, 2, 28, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal(TrendMonth.Of(2026, 3), TrendMonth.Of(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        Assert.Equal(TrendMonth.Of(2026, 2), TrendMonth.Of(at, TimeZoneInfo.Utc));
    }

    private static long Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var (k, p) = (0L, 1.0);
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
