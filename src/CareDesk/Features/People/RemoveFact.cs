using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>Removes a contact point, address or relationship that is wrong or no longer true (the removal is audited).</summary>
public sealed class RemoveFact(CareDeskDbContext db)
{
    public async Task<Result<Guid>> RunAsync(Guid personId, Guid factId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var person = await db.People.Where(p => p.Id == personId).Select(p => new { p.AssignedFieldRepId }).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (!viewer.MaySee(person.AssignedFieldRepId))
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        if (await db.ContactPoints.FirstOrDefaultAsync(c => c.Id == factId && c.PersonId == personId, cancellationToken) is { } point)
        {
            if (viewer.Masked)
            {
                // A masked viewer sees only the ends of a number: it cannot vouch for (or judge wrong) what it cannot read.
                return new Failure(FailureKind.Forbidden, "Fact.MaskedEdit");
            }

            db.ContactPoints.Remove(point);
        }
        else if (await db.Addresses.FirstOrDefaultAsync(a => a.Id == factId && a.PersonId == personId, cancellationToken) is { } address)
        {
            if (viewer.Masked)
            {
                return new Failure(FailureKind.Forbidden, "Fact.MaskedEdit");
            }

            db.Addresses.Remove(address);
        }
        else if (await db.Relationships.FirstOrDefaultAsync(
            r => r.Id == factId && (r.FromPersonId == personId || r.ToPersonId == personId), cancellationToken) is { } relationship)
        {
            db.Relationships.Remove(relationship);
        }
        else
        {
            return Failure.NotFound("Fact.NotFound");
        }

        await db.SaveChangesAsync(cancellationToken);
        return factId;
    }
}
