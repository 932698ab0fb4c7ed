using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints;

/// <summary>
/// Quality corrects when the maker became aware (F15): the contact's start is set on its own, so a change — the
/// information reached a field rep two days before the call, say — needs a reason, kept on the timeline and audited.
/// </summary>
public sealed class CorrectAwareness(CareDeskDbContext db, CaseAccess access)
{
    public sealed record Request([property: Required] DateTimeOffset? AwarenessAt, [property: Required, MaxLength(4000)] string Reason, string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Failure.Invalid("reason", "Complaint.AwarenessReasonRequired");
        }

        var now = access.Now();
        if (request.AwarenessAt!.Value > now)
        {
            return Failure.Invalid("awarenessAt", "Complaint.AwarenessInFuture");
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

        var before = complaint.AwarenessAt;
        complaint.AwarenessAt = request.AwarenessAt.Value;
        complaint.Version = Guid.NewGuid();
        var saved = await access.SaveAsync(loaded.Value!, new CaseEntry
        {
            Kind = CaseEntryKind.ComplaintAwarenessCorrected,
            At = now,
            ActorUserId = actor.UserId,
            // Both instants in UTC (the timeline shows them in the viewer's zone), then the reason.
            Text = $"{before.UtcDateTime:O} → {complaint.AwarenessAt.UtcDateTime:O} — {request.Reason.Trim()}",
        }, cancellationToken);
        return saved.Succeeded ? complaint.Id : saved.Failure!;
    }
}
