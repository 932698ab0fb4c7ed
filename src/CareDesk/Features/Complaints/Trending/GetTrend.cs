using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints.Imdrf;
using CareDesk.Features.Devices;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// The complaint rate of one model for one IMDRF problem code, month by month, with its denominators and u-chart limits
/// (F18). Counted in the database: one GROUP BY month over the (model, code, month) index; cleared complaints do not count.
/// A parent code counts its children: a trend of A07 counts complaints coded A07, A0701, A070101… (each complaint once).
/// </summary>
public sealed class GetTrend(CareDeskDbContext db, TimeProvider clock)
{
    /// <summary>Rates and limits are complaints per 1,000 units in use.</summary>
    public const double RateScale = 1000;

    public const int MaxMonths = 120;

    /// <param name="UnitsSource"><c>entered</c> by quality, <c>registry</c> (devices of the model registered and in use), or <c>none</c>.</param>
    public sealed record Month(
        string Period, long Complaints, long Units, string UnitsSource, double? Rate, double? CentreLine,
        double? UpperWarning, double? UpperAction, double? LowerWarning, double? LowerAction, string? Signal);

    public sealed record View(string ModelId, string ModelName, string Code, string Term, string From, string To, string RateUnit, IReadOnlyList<Month> Months);

    public async Task<Result<View>> RunAsync(string? modelId, string? code, string? from, string? to, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return Failure.Invalid("modelId", "Trend.ModelRequired");
        }

        if (string.IsNullOrWhiteSpace(code) || ImdrfTerms.Shipped.Find(code) is not { Annex: 'A' } term)
        {
            return Failure.Invalid("code", "Trend.CodeUnknown", code ?? "");
        }

        var thisMonth = TrendMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var last = thisMonth;
        if (to is not null && !TrendMonth.TryParse(to, out last))
        {
            return Failure.Invalid("to", "Trend.MonthInvalid", to);
        }

        var first = last - 23;
        if (from is not null && !TrendMonth.TryParse(from, out first))
        {
            return Failure.Invalid("from", "Trend.MonthInvalid", from);
        }

        if (first > last || last - first >= MaxMonths)
        {
            return Failure.Invalid("from", "Trend.RangeInvalid", MaxMonths);
        }

        var model = await db.ProductModels.AsNoTracking().Where(m => m.Id == modelId.Trim())
            .Select(m => new { m.Id, m.NameEn, m.NameZh }).SingleOrDefaultAsync(cancellationToken);
        if (model is null)
        {
            return Failure.NotFound("modelId", "Trend.ModelUnknown", modelId);
        }

        var chart = await ChartAsync(model.Id, term.Code, first, last, UChartRules.Default, cancellationToken);
        return new View(model.Id, CatalogNames.Of(model.NameEn, model.NameZh), term.Code, term.Term, TrendMonth.Format(first), TrendMonth.Format(last), "per-1000-units",
            [.. chart.Select(p => new Month(TrendMonth.Format(p.Point.Month), p.Point.Complaints, p.Point.Units, p.Source,
                Scale(p.Point.Rate), Scale(p.Point.CentreLine), Scale(p.Point.UpperWarning), Scale(p.Point.UpperAction),
                Scale(p.Point.LowerWarning), Scale(p.Point.LowerAction), p.Point.Signal))]);
    }

    /// <summary>The u-chart from <paramref name="first"/> to <paramref name="last"/>, its baseline months read too.</summary>
    public async Task<IReadOnlyList<(UChartPoint Point, string Source)>> ChartAsync(string modelId, string code, int first, int last, UChartRules rules, CancellationToken cancellationToken)
    {
        // The baseline of the first month, and the two months before it the run rule looks back on.
        var readFrom = first - rules.BaselineMonths - 2;
        var codes = ImdrfTerms.Shipped.WithDescendants(code).ToArray();
        var coded =
            from c in db.Set<ComplaintCode>()
            where c.ModelId == modelId && codes.Contains(c.Code) && c.Month >= readFrom && c.Month <= last
            join k in db.Set<Complaint>() on c.ComplaintId equals k.Id
            where k.ClearedAt == null
            select c;
        // A code without children keeps the plain count; a parent counts a complaint coded with two of its children once.
        var counts = codes.Length == 1
            ? await coded.GroupBy(c => c.Month).Select(m => new { Month = m.Key, Count = m.LongCount() })
                .ToDictionaryAsync(m => m.Month, m => m.Count, cancellationToken)
            : await coded.Select(c => new { c.Month, c.ComplaintId }).Distinct().GroupBy(c => c.Month).Select(m => new { Month = m.Key, Count = m.LongCount() })
                .ToDictionaryAsync(m => m.Month, m => m.Count, cancellationToken);
        var units = await UnitsAsync(modelId, readFrom, last, cancellationToken);
        var months = Enumerable.Range(readFrom, last - readFrom + 1)
            .Select(m => new MonthCount(m, counts.GetValueOrDefault(m), units.GetValueOrDefault(m).Units))
            .ToList();
        return [.. UChart.Compute(months, first, rules).Select(p => (p, units.GetValueOrDefault(p.Month).Source ?? "none"))];
    }

    /// <summary>
    /// Units per month: what quality entered, else the device registry's count — the model's devices registered before the
    /// month ended, less those out of use (not in use now, last status change before the month began). Month bounds in UTC.
    /// </summary>
    private async Task<Dictionary<int, (long Units, string? Source)>> UnitsAsync(string modelId, int first, int last, CancellationToken cancellationToken)
    {
        var entered = await db.Set<TrendDenominator>().AsNoTracking()
            .Where(d => d.ModelId == modelId && d.Month >= first && d.Month <= last)
            .ToDictionaryAsync(d => d.Month, d => d.Units, cancellationToken);
        var units = entered.ToDictionary(e => e.Key, e => (e.Value, (string?)"entered"));
        var missing = Enumerable.Range(first, last - first + 1).Where(m => !entered.ContainsKey(m)).ToList();
        if (missing.Count == 0 || !await db.Devices.AnyAsync(d => d.ModelId == modelId, cancellationToken))
        {
            return units;
        }

        var devices = db.Devices.Where(d => d.ModelId == modelId);
        foreach (var month in missing)
        {
            var (start, end) = (TrendMonth.Start(month), TrendMonth.Start(month + 1));
            var registered = await devices.LongCountAsync(d => db.DeviceEvents.Any(e => e.DeviceId == d.Id && e.Kind == DeviceEventKind.Registered && e.At < end), cancellationToken);
            if (registered == 0)
            {
                continue;
            }

            var outOfUse = await devices.LongCountAsync(d => d.Status != DeviceStatus.InUse
                && db.DeviceEvents.Any(e => e.DeviceId == d.Id && e.Kind == DeviceEventKind.Registered && e.At < start)
                && !db.DeviceEvents.Any(e => e.DeviceId == d.Id && e.Kind == DeviceEventKind.StatusChanged && e.At >= start), cancellationToken);
            units[month] = (registered - outOfUse, "registry");
        }

        return units;
    }

    private static double? Scale(double? rate) => rate * RateScale;
}
