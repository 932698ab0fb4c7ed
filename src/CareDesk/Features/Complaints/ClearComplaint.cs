using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints;

/// <summary>
/// Quality decides a flagged contact was not a complaint after all (F15): only quality may, with a reason that stays on
/// the case's timeline and in the audit log. The file itself is kept (legal hold), marked cleared.
/// </summary>
public sealed class ClearComplaint(CareDeskDbContext db, CaseAccess access)
{
    public sealed record Request([property: Required, MaxLength(4000)] string Reason, string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Failure.Invalid("reason", "Complaint.ClearReasonRequired");
        }

        if (await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken) is not { } complaint)
        {
            return Failure.NotFound("Complaint.NotFound");
        }

        if (complaint.CheckVersion(request.Version) is { } stale)
        {
            return stale;
        }

        var loaded = await access.LoadAsync(complaint.CaseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        if (!complaint.IsActive)
        {
            return complaint.Id;
        }

        var now = access.Now();
        complaint.ClearedAt = now;
        complaint.ClearedBy = actor.UserId;
        complaint.ClearReason = request.Reason.Trim();
        complaint.Version = Guid.NewGuid();
        // The case's type stays what screening made it; quality changes it if it should be something else.
        loaded.Value!.HoldsComplaint = false;
        var saved = await access.SaveAsync(loaded.Value!, new CaseEntry
        {
            Kind = CaseEntryKind.ComplaintCleared,
            At = now,
            ActorUserId = actor.UserId,
            Text = complaint.ClearReason,
        }, cancellationToken);
        return saved.Succeeded ? complaint.Id : saved.Failure!;
    }
}
