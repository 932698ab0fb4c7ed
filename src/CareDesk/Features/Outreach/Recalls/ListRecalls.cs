using CareDesk.Features.Catalog;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Every recall, newest first (F21a), with its models' names in the reader's language and how many devices and people
/// it has selected so far (none before it starts): the recalls page's list. The API's list returns the recalls alone.
/// </summary>
public sealed class ListRecalls(CareDeskDbContext db)
{
    public sealed record Item(RecallView Recall, IReadOnlyList<string> Models, int Devices, int People);

    public async Task<List<Item>> RunAsync(CancellationToken cancellationToken)
    {
        // Ordered here, not in SQL: SQLite cannot order by a DateTimeOffset.
        var recalls = await db.Recalls.AsNoTracking().ToListAsync(cancellationToken);
        var modelIds = recalls.SelectMany(r => r.ModelIds).Distinct().ToList();
        var names = await db.ProductModels.AsNoTracking().Where(m => modelIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => CatalogNames.Of(m.NameEn, m.NameZh), cancellationToken);
        var counts = await db.RecallDevices.AsNoTracking()
            .GroupBy(d => d.RecallId)
            .Select(g => new { RecallId = g.Key, Devices = g.Count(), People = g.Select(d => d.PersonId).Distinct().Count() })
            .ToDictionaryAsync(c => c.RecallId, cancellationToken);
        return recalls
            .OrderByDescending(r => r.CreatedAt)
            .Select(r =>
            {
                var models = r.ModelIds.Select(id => names.GetValueOrDefault(id, id)).ToList();
                return counts.TryGetValue(r.Id, out var c) ? new Item(RecallView.Of(r), models, c.Devices, c.People) : new Item(RecallView.Of(r), models, 0, 0);
            })
            .ToList();
    }
}
