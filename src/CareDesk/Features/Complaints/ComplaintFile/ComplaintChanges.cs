using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// Loads a complaint file for a change — found, the actor may see its person (a field rep: own customers only), the
/// version the caller read is current — and saves it under a new version; the audit trail records what changed.
/// </summary>
public sealed class ComplaintChanges(CareDeskDbContext db, CaseAccess access)
{
    public DateTimeOffset Now() => access.Now();

    public async Task<Result<Complaint>> LoadAsync(Guid id, string? version, StaffActor actor, CancellationToken cancellationToken, bool mayBeClosed = false)
    {
        if (await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } complaint)
        {
            return Failure.NotFound("Complaint.NotFound");
        }

        if (await access.CheckPersonAsync(complaint.PersonId, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (complaint.CheckVersion(version) is { } stale)
        {
            return stale;
        }

        // A closed file is the record quality signed off: it changes no more (legal hold keeps it as it was closed).
        return complaint.IsClosed && !mayBeClosed ? Failure.Conflict("File.Closed") : complaint;
    }

    public async Task<Result<Guid>> SaveAsync(Complaint changed, CancellationToken cancellationToken)
    {
        changed.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved the file between our read and this write: the version token let theirs through.
            return Failure.Conflict("Complaint.Conflict");
        }

        return changed.Id;
    }
}
