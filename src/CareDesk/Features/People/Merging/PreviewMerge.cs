using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People.Merging;

/// <summary>
/// What a merge would do, for the supervisor to check before confirming: both people's own fields side by side with
/// the survivor's after the merge, how many of the duplicate's rows would move, and the versions to send with the merge.
/// </summary>
public sealed class PreviewMerge(CareDeskDbContext db, TimeProvider time)
{
    public sealed record Preview(
        PersonScalars Survivor,
        PersonScalars Merged,
        PersonScalars Result,
        string SurvivorVersion,
        string MergedVersion,
        int ContactPoints,
        int Addresses,
        int Relationships,
        int Devices,
        int Cases,
        int Contacts,
        bool DoNotContact);

    public async Task<Result<Preview>> RunAsync(Guid survivorId, Guid mergedId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (survivorId == mergedId)
        {
            return Failure.Invalid("mergedId", "Merge.Self");
        }

        var people = await db.People.AsNoTracking().Where(p => p.Id == survivorId || p.Id == mergedId).ToListAsync(cancellationToken);
        if (people.Find(p => p.Id == survivorId) is not { } survivor)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (people.Find(p => p.Id == mergedId) is not { } merged)
        {
            return Failure.NotFound("mergedId", "Merge.MergedNotFound");
        }

        if (!viewer.MaySee(survivor.AssignedFieldRepId) || !viewer.MaySee(merged.AssignedFieldRepId) || viewer.Masked)
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        if (merged.MergedIntoId is not null)
        {
            return Failure.Conflict("mergedId", "Merge.AlreadyMerged");
        }

        var before = PersonScalars.Of(survivor);
        var other = PersonScalars.Of(merged);
        var ledger = await db.DoNotContactEntries.AsNoTracking()
            .Where(e => e.PersonId == survivorId || e.PersonId == mergedId)
            .Select(e => new { e.PersonId, e.Active, e.RecordedAt, e.Id })
            .ToListAsync(cancellationToken);
        var inForce = ledger.GroupBy(e => e.PersonId).Select(g => g.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).First().Active).ToList();
        return new Preview(
            before,
            other,
            Survivorship.Merge(before, other, time.GetUtcNow()),
            survivor.Version.ToString(),
            merged.Version.ToString(),
            await db.ContactPoints.CountAsync(c => c.PersonId == mergedId, cancellationToken),
            await db.Addresses.CountAsync(a => a.PersonId == mergedId, cancellationToken),
            await db.Relationships.CountAsync(r => r.FromPersonId == mergedId || r.ToPersonId == mergedId, cancellationToken),
            await db.Devices.CountAsync(d => d.PersonId == mergedId, cancellationToken),
            await db.Cases.CountAsync(c => c.PersonId == mergedId, cancellationToken),
            await db.Contacts.CountAsync(c => c.PersonId == mergedId, cancellationToken),
            inForce.Contains(true));
    }
}
