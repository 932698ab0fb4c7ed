using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A supervisor lets one person's next try in a campaign pass the timing rules (cooldown, caps, quiet and preferred
/// hours, best time) with a reason, audited; never do not contact, consent, or another agent's claim (F22).
/// </summary>
public sealed class OverrideGuard(CareDeskDbContext db, TimeProvider clock)
{
    public sealed record Request([property: MaxLength(500)] string? Reason);

    public async Task<Result<bool>> RunAsync(Guid campaignId, Guid personId, Request request, string supervisorId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Failure.Invalid("reason", "Override.ReasonRequired");
        }

        if (await db.CampaignMembers.SingleOrDefaultAsync(m => m.CampaignId == campaignId && m.PersonId == personId, cancellationToken) is not { } member)
        {
            return Failure.NotFound("Members.NotFound");
        }

        if (member.Status != MemberStatus.Pending)
        {
            return Failure.Invalid("personId", "Override.NotPending");
        }

        var now = clock.GetUtcNow();
        member.OverrideReason = request.Reason.Trim();
        member.OverrideBy = supervisorId;
        member.NextAttemptAt = now;
        member.HeldBy = null;
        member.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
