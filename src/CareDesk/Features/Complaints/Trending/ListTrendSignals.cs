using CareDesk.Features.Catalog;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>The trend signals quality has to look at, newest first: each an <c>eu-trend-report</c> candidate.</summary>
public sealed class ListTrendSignals(CareDeskDbContext db)
{
    public sealed record View(Guid Id, string ModelId, string ModelName, string Code, string Month, string Rule, string Kind, long Complaints, long Units, DateTimeOffset RaisedAt);

    public async Task<IReadOnlyList<View>> RunAsync(string? modelId, int limit, CancellationToken cancellationToken)
    {
        var query = db.Set<TrendSignal>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(modelId))
        {
            query = query.Where(s => s.ModelId == modelId);
        }

        var rows = await query.OrderByDescending(s => s.Id).Take(Math.Clamp(limit, 1, 500))
            .Join(db.ProductModels, s => s.ModelId, m => m.Id, (s, m) => new { Signal = s, m.NameEn, m.NameZh })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new View(r.Signal.Id, r.Signal.ModelId, CatalogNames.Of(r.NameEn, r.NameZh), r.Signal.Code, TrendMonth.Format(r.Signal.Month),
            r.Signal.Rule, r.Signal.Kind, r.Signal.Complaints, r.Signal.Units, r.Signal.RaisedAt))];
    }
}
