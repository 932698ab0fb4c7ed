using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People.Merging;

/// <summary>The merges a person took part in, as survivor or as the one merged, newest first; and whom they were merged into.</summary>
public sealed class ListPersonMerges(CareDeskDbContext db)
{
    public sealed record MergeView(
        Guid Id,
        Guid SurvivorId,
        string SurvivorName,
        Guid MergedId,
        string MergedName,
        string Note,
        string MergedBy,
        DateTimeOffset MergedAt,
        int RowsMoved,
        DateTimeOffset? UnmergedAt,
        string? UnmergedBy,
        string? UnmergeNote);

    public sealed record Merges(Guid PersonId, Guid? MergedIntoId, string? MergedIntoName, IReadOnlyList<MergeView> Items);

    public async Task<Result<Merges>> RunAsync(Guid personId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.AssignedFieldRepId, p.MergedIntoId })
            .FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (!viewer.MaySee(person.AssignedFieldRepId))
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        var merges = (await db.PersonMerges.AsNoTracking()
                .Where(m => m.SurvivorId == personId || m.MergedId == personId)
                .ToListAsync(cancellationToken))
            .OrderByDescending(m => m.MergedAt)
            .ThenByDescending(m => m.Id)
            .ToList();
        var ids = merges.SelectMany(m => new[] { m.SurvivorId, m.MergedId }).Append(person.MergedIntoId ?? personId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        return new Merges(
            personId,
            person.MergedIntoId,
            person.MergedIntoId is { } into ? names.GetValueOrDefault(into) : null,
            [.. merges.Select(m => new MergeView(
                m.Id, m.SurvivorId, names.GetValueOrDefault(m.SurvivorId) ?? "", m.MergedId, names.GetValueOrDefault(m.MergedId) ?? "",
                m.Note, m.MergedBy, m.MergedAt, m.Moved.Count + m.Dropped.ContactPoints.Count + m.Dropped.Relationships.Count + m.Dropped.CampaignMembers.Count,
                m.UnmergedAt, m.UnmergedBy, m.UnmergeNote))]);
    }
}
