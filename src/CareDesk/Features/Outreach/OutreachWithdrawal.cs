using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Takes a person out of outreach at once (F19): "do not contact" from any non-safety list, a withdrawn consent from
/// every list of that purpose and channel. Staged in the caller's save, so the ledger entry and its effect commit
/// together; a claim an agent already holds is withdrawn (its dial is refused) and that agent's desktops, on every
/// node, are told after the commit.
/// </summary>
public sealed class OutreachWithdrawal(CareDeskDbContext db, OutreachHub hub, TimeProvider clock)
{
    /// <summary>Which campaigns the person leaves, and the reason their lists show.</summary>
    public sealed record Because(Func<Campaign, bool> Applies, string Exclusion)
    {
        public static Because DoNotContact() => new(c => !c.IsSafety, CampaignMember.DoNotContact);

        public static Because ConsentWithdrawn(OutreachPurpose purpose, OutreachChannel channel) =>
            new(c => !c.IsSafety && c.Purpose == purpose && c.Channel == channel, CampaignMember.NoConsent);
    }

    private readonly List<OutreachWithdrawn> notices = [];

    public async Task StageAsync(Guid personId, Because because, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lists = await (from m in db.CampaignMembers
                           join c in db.Campaigns on m.CampaignId equals c.Id
                           where m.PersonId == personId && m.Status == MemberStatus.Pending && c.Status != CampaignStatus.Ended
                           select new { Member = m, Campaign = c }).ToListAsync(cancellationToken);
        // The tracked member may already be closed by the save this is staged in (an outcome on that very list).
        foreach (var list in lists.Where(l => l.Member.Status == MemberStatus.Pending && because.Applies(l.Campaign)))
        {
            list.Member.Status = MemberStatus.Excluded;
            list.Member.Exclusion = because.Exclusion;
            list.Member.UpdatedAt = now;
        }

        var claim = await db.OutreachClaims.SingleOrDefaultAsync(c => c.PersonId == personId && c.AttemptId != null, cancellationToken);
        if (claim is null)
        {
            return;
        }

        var held = await (from a in db.OutreachAttempts
                          join c in db.Campaigns on a.CampaignId equals c.Id
                          where a.Id == claim.AttemptId && a.Outcome == null
                          select new { Attempt = a, Campaign = c }).SingleOrDefaultAsync(cancellationToken);
        if (held is null || !because.Applies(held.Campaign))
        {
            return;
        }

        held.Attempt.Outcome = OutreachOutcome.Withdrawn;
        held.Attempt.Version = Guid.NewGuid();
        held.Attempt.ClosedAt = now;
        claim.AttemptId = null;
        claim.AgentUserId = null;
        claim.ExpiresAt = null;
        notices.Add(new OutreachWithdrawn(held.Attempt.Id, personId, held.Attempt.AgentUserId));
    }

    /// <summary>
    /// Stages with <paramref name="stage"/> and saves; a save that lost a race to an outcome or a new claim on the same
    /// person is staged again from what is stored now (at most three times), then the agents are told.
    /// </summary>
    public static async Task SaveRetryingAsync(CareDeskDbContext db, OutreachWithdrawal withdrawal, Func<Task> stage, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await stage();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                withdrawal.notices.Clear();
            }
        }

        withdrawal.Announce();
    }

    /// <summary>After the commit: tells the agents whose claims were withdrawn, on whichever node their desktops are.</summary>
    public void Announce()
    {
        foreach (var notice in notices)
        {
            hub.Publish(notice.AgentUserId, notice);
        }

        notices.Clear();
    }
}
