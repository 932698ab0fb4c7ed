using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>
/// The agent confirms one fact with the caller (F2): a contact point, an address, a relationship or a device of
/// this person gets verified now, by this user. The change is audited like every other.
/// </summary>
public sealed class ConfirmFact(CareDeskDbContext db, TimeProvider time)
{
    public async Task<Result<Guid>> RunAsync(Guid personId, Guid factId, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var assigned = await db.People.Where(p => p.Id == personId).Select(p => new { p.AssignedFieldRepId }).FirstOrDefaultAsync(cancellationToken);
        if (assigned is null)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (!viewer.MaySee(assigned.AssignedFieldRepId))
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        var now = time.GetUtcNow();
        if (await db.ContactPoints.FirstOrDefaultAsync(c => c.Id == factId && c.PersonId == personId, cancellationToken) is { } point)
        {
            if (viewer.Masked)
            {
                // A masked viewer sees only the ends of a number: it cannot vouch for (or judge wrong) what it cannot read.
                return new Failure(FailureKind.Forbidden, "Fact.MaskedEdit");
            }

            point.Provenance = point.Provenance.Confirmed(now, viewer.UserId);
        }
        else if (await db.Addresses.FirstOrDefaultAsync(a => a.Id == factId && a.PersonId == personId, cancellationToken) is { } address)
        {
            if (viewer.Masked)
            {
                return new Failure(FailureKind.Forbidden, "Fact.MaskedEdit");
            }

            address.Provenance = address.Provenance.Confirmed(now, viewer.UserId);
        }
        else if (await db.Relationships.FirstOrDefaultAsync(
            r => r.Id == factId && (r.FromPersonId == personId || r.ToPersonId == personId), cancellationToken) is { } relationship)
        {
            relationship.Provenance = relationship.Provenance.Confirmed(now, viewer.UserId);
        }
        else if (await db.Devices.FirstOrDefaultAsync(d => d.Id == factId && d.PersonId == personId, cancellationToken) is { } device)
        {
            device.Provenance = device.Provenance.Confirmed(now, viewer.UserId);
        }
        else
        {
            return Failure.NotFound("Fact.NotFound");
        }

        await db.SaveChangesAsync(cancellationToken);
        return factId;
    }
}
