using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>The newest version of every questionnaire, by title: what a new campaign can ask.</summary>
public sealed class ListQuestionnaires(CareDeskDbContext db)
{
    public sealed record Item(Guid Id, string Key, int Version, string Title);

    public async Task<List<Item>> RunAsync(CancellationToken cancellationToken) =>
        (await db.Questionnaires.AsNoTracking().Select(q => new Item(q.Id, q.Key, q.Version, q.Title)).ToListAsync(cancellationToken))
            .GroupBy(q => q.Key).Select(g => g.MaxBy(q => q.Version)!).OrderBy(q => q.Title, StringComparer.Ordinal).ToList();
}
