using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// Links two complaints as one event told by several reporters (F17), so one report per market goes out, not one per
/// reporter: their groups become one, whose primary is the complaint the maker heard of first (the earliest awareness
/// starts every clock); each member names it. Linking two already linked complaints changes nothing.
/// </summary>
public sealed class LinkSameEvent(CareDeskDbContext db, ComplaintChanges changes, Cases.CaseAccess access)
{
    public sealed record Request(Guid? OtherId, string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (request.OtherId is not { } otherId)
        {
            return Failure.Invalid("otherId", "File.OtherRequired");
        }

        if (otherId == complaintId)
        {
            return Failure.Invalid("otherId", "File.LinkItself");
        }

        var loaded = await changes.LoadAsync(complaintId, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var complaint = loaded.Value!;
        if (await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Id == otherId, cancellationToken) is not { } other)
        {
            return Failure.NotFound("otherId", "File.OtherNotFound");
        }

        if (await access.CheckPersonAsync(other.PersonId, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (other.IsClosed)
        {
            return Failure.Invalid("otherId", "File.OtherClosed");
        }

        if (complaint.EventPrimaryId is { } group && other.EventPrimaryId == group)
        {
            return complaint.Id;
        }

        var groups = new[] { complaint.EventPrimaryId, other.EventPrimaryId }.OfType<Guid>().ToList();
        var members = await db.Set<Complaint>()
            .Where(c => c.Id == complaint.Id || c.Id == other.Id || (c.EventPrimaryId != null && groups.Contains(c.EventPrimaryId.Value)))
            .ToListAsync(cancellationToken);
        var primary = members.OrderBy(c => c.AwarenessAt).ThenBy(c => c.Id).First();
        var now = changes.Now();
        foreach (var member in members.Where(m => m.EventPrimaryId != primary.Id))
        {
            member.EventPrimaryId = primary.Id;
            member.Version = Guid.NewGuid();
        }

        foreach (var linked in new[] { complaint, other })
        {
            linked.EventLinkedBy = actor.UserId;
            linked.EventLinkedAt = now;
        }

        other.Version = Guid.NewGuid();
        return await changes.SaveAsync(complaint, cancellationToken);
    }
}
