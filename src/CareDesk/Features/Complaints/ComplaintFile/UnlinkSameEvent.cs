using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// Quality takes a complaint out of the event it was linked to (F17: it was not the same event after all), with a
/// reason kept on its case's timeline and in the audit log. If it was the group's primary, the primary moves to the
/// earliest awareness of those left (ties: the older id), as linking chose it; a group of one is no group.
/// </summary>
public sealed class UnlinkSameEvent(CareDeskDbContext db, ComplaintChanges changes)
{
    public sealed record Request([property: Required, MaxLength(4000)] string? Reason, string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (RecordComplaintFile.Blank(request.Reason) is not { } reason)
        {
            return Failure.Invalid("reason", "File.UnlinkReasonRequired");
        }

        var loaded = await changes.LoadAsync(complaintId, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var complaint = loaded.Value!;
        if (complaint.EventPrimaryId is not { } group)
        {
            return Failure.Invalid("id", "File.NotLinked");
        }

        var others = await db.Set<Complaint>().Where(c => c.EventPrimaryId == group && c.Id != complaint.Id).ToListAsync(cancellationToken);
        var primary = others.OrderBy(c => c.AwarenessAt).ThenBy(c => c.Id).FirstOrDefault();
        foreach (var other in others)
        {
            // Alone, the last one stands on its own again.
            var named = others.Count > 1 ? primary!.Id : (Guid?)null;
            if (other.EventPrimaryId != named)
            {
                other.EventPrimaryId = named;
                other.Version = Guid.NewGuid();
            }
        }

        var now = changes.Now();
        complaint.EventPrimaryId = null;
        complaint.EventLinkedBy = actor.UserId;
        complaint.EventLinkedAt = now;
        db.CaseEntries.Add(new CaseEntry
        {
            CaseId = complaint.CaseId,
            Kind = CaseEntryKind.ComplaintEventUnlinked,
            At = now,
            ActorUserId = actor.UserId,
            Text = reason,
        });
        return await changes.SaveAsync(complaint, cancellationToken);
    }
}
