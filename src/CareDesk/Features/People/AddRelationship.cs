using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>
/// "This person is caregiver of / parent of / healthcare professional of that one." Stored once, read both ways;
/// a caregiver's number then finds the patient too.
/// </summary>
public sealed class AddRelationship(CareDeskDbContext db, TimeProvider time)
{
    public sealed record Request(string? Kind, Guid? PersonId, string? Source);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (!KebabCase.TryParse(request.Kind, out RelationshipKind kind))
        {
            return Failure.Invalid("kind", "Relationship.KindInvalid");
        }

        if (request.PersonId is not { } otherId || otherId == Guid.Empty || otherId == id)
        {
            return Failure.Invalid("personId", "Relationship.PersonInvalid");
        }

        var source = FactSource.Agent;
        if (request.Source is not null && !KebabCase.TryParse(request.Source, out source))
        {
            return Failure.Invalid("source", "Source.Invalid");
        }

        var people = await db.People.Where(p => p.Id == id || p.Id == otherId)
            .Select(p => new { p.Id, p.AssignedFieldRepId, p.MergedIntoId })
            .ToListAsync(cancellationToken);
        if (people.FirstOrDefault(p => p.Id == id) is not { } from)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (people.FirstOrDefault(p => p.Id == otherId) is not { } to)
        {
            return Failure.Invalid("personId", "Relationship.PersonUnknown");
        }

        if (!viewer.MaySee(from.AssignedFieldRepId) || !viewer.MaySee(to.AssignedFieldRepId))
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        if (from.MergedIntoId is not null || to.MergedIntoId is not null)
        {
            return Failure.Conflict("Person.Merged");
        }

        if (await db.Relationships.AnyAsync(r => r.FromPersonId == id && r.ToPersonId == otherId && r.Kind == kind, cancellationToken))
        {
            return Failure.Conflict("Relationship.Duplicate");
        }

        var relationship = new Relationship
        {
            FromPersonId = id,
            ToPersonId = otherId,
            Kind = kind,
            Provenance = FactProvenance.Recorded(source, time.GetUtcNow()),
        };
        db.Relationships.Add(relationship);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two agents added the same relationship at once; the unique index kept one.
            db.ChangeTracker.Clear();
            if (await db.Relationships.AnyAsync(r => r.FromPersonId == id && r.ToPersonId == otherId && r.Kind == kind, cancellationToken))
            {
                return Failure.Conflict("Relationship.Duplicate");
            }

            throw;
        }

        return relationship.Id;
    }
}
