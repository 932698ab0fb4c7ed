using CareDesk.Features.People;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Outreach;

/// <summary>
/// "Next contact" for an agent (F21, F22): from the running campaigns they may take (safety notices first), a due
/// person no one holds, claimed atomically in the database — a conditional update of the person's one claim row, so
/// no two agents on any node ever hold the same person — then asked of the <see cref="ContactGuard"/> under the claim
/// (a contact committed by the previous holder is seen). A person the guard refuses is released and held back until
/// the rule's time, or taken off the list for good (do not contact, no consent). Null when nothing is due for them.
/// </summary>
public sealed class TakeNextContact(CareDeskDbContext db, ContactGuard guard, IOptions<OutreachOptions> options, TimeProvider clock)
{
    private const int Batch = 24;

    private sealed record Candidate(Guid CampaignId, Guid PersonId, int Attempts, string? OverrideReason, Guid? HeldBy, DateTimeOffset? HeldUntil);

    public async Task<OutreachOffer?> RunAsync(string agentUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (campaigns, skills) = await RunningForAsync(agentUserId, now, cancellationToken);

        // Safety notices first; among the others, a random order, so agents spread over the running campaigns. One
        // campaign at a time keeps "what is due" one index range (campaign, pending, due time) however long the list.
        foreach (var campaign in campaigns.OrderByDescending(c => c.IsSafety).ThenBy(_ => Random.Shared.Next()))
        {
            for (var round = 0; round < 4; round++)
            {
                var candidates = await DueAsync(campaign, skills, now, cancellationToken);
                if (candidates.Count == 0)
                {
                    break;
                }

                // Agents asking at the same moment see the same due people: each tries them in its own order.
                Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates));
                foreach (var candidate in candidates)
                {
                    if (await TryClaimAsync(candidate, campaign, agentUserId, cancellationToken) is { } offer)
                    {
                        return offer;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The running campaigns the agent may take, and the products they know (when any campaign asks).</summary>
    private async Task<(List<Campaign> Campaigns, List<string> Skills)> RunningForAsync(string agentUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var running = await db.Campaigns.AsNoTracking()
            .Where(c => c.Status == CampaignStatus.Running)
            .ToListAsync(cancellationToken);
        running = running.Where(c => (c.StartsAt is null || c.StartsAt <= now) && (c.EndsAt is null || c.EndsAt > now)).ToList();
        if (running.All(c => c.RequiredSkill is null && !c.SkillFromDevice))
        {
            return (running, []);
        }

        var skills = await db.StaffSkills.AsNoTracking().Where(s => s.UserId == agentUserId).Select(s => s.Products).FirstOrDefaultAsync(cancellationToken) ?? [];
        return (running.Where(c => c.RequiredSkill is null || skills.Contains(c.RequiredSkill, StringComparer.Ordinal)).ToList(), skills);
    }

    private async Task<List<Candidate>> DueAsync(Campaign campaign, List<string> skills, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = db.CampaignMembers.Where(m => m.CampaignId == campaign.Id && m.Status == MemberStatus.Pending && m.NextAttemptAt <= now);
        if (campaign.SkillFromDevice)
        {
            // A follow-up about a device goes to someone who knows it (story 6: someone who can answer).
            members = members.Where(m => m.SkillModelId == null || skills.Contains(m.SkillModelId) || skills.Contains(m.SkillMakerId!));
        }

        return await (from m in members
                      join c in db.OutreachClaims on m.PersonId equals c.PersonId
                      where c.AttemptId == null || c.ExpiresAt <= now
                      orderby m.NextAttemptAt
                      select new Candidate(m.CampaignId, m.PersonId, m.Attempts, m.OverrideReason, c.AttemptId, c.ExpiresAt))
            .Take(Batch)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    private async Task<OutreachOffer?> TryClaimAsync(Candidate candidate, Campaign campaign, string agentUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attemptId = Guid.CreateVersion7();
        var expires = now + options.Value.ClaimLifetime;
        var person = candidate.PersonId;

        // The claim: free, or still held by the (expired) attempt this agent saw. Whoever updates first wins; the
        // database re-checks the condition for the second, which then changes nothing.
        var claims = db.OutreachClaims.Where(c => c.PersonId == person);
        claims = candidate.HeldBy is { } stale
            ? claims.Where(c => c.AttemptId == stale && c.ExpiresAt <= now)
            : claims.Where(c => c.AttemptId == null);
        var claimed = await claims.ExecuteUpdateAsync(
            s => s.SetProperty(c => c.AttemptId, attemptId).SetProperty(c => c.AgentUserId, agentUserId).SetProperty(c => c.ExpiresAt, expires),
            cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        // Held now: what follows finishes even if the agent's request is abandoned meanwhile, so a claim never ends up
        // with half an attempt (an open attempt whose claim was released, or a claim without its attempt).
        cancellationToken = CancellationToken.None;

        var member = db.CampaignMembers.Where(m => m.CampaignId == candidate.CampaignId && m.PersonId == person);
        try
        {
            var decision = await guard.CheckAsync(
                new ContactGuard.Ask(person, campaign.Purpose, campaign.Channel, attemptId, candidate.OverrideReason is not null, BestTime(campaign)),
                cancellationToken);
            var number = decision.Allowed ? await NumberAsync(person, campaign.Channel, cancellationToken) : null;
            if (!decision.Allowed || number is null)
            {
                await ReleaseAsync(person, attemptId, cancellationToken);
                await HoldBackAsync(member, decision, number is null && decision.Allowed, now, cancellationToken);
                return null;
            }

            if (candidate.HeldBy is { } expired)
            {
                // A new version, so the vanished agent's late outcome finds it changed instead of overwriting it.
                var version = Guid.NewGuid();
                await db.OutreachAttempts.Where(a => a.Id == expired && a.Outcome == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, OutreachOutcome.Expired).SetProperty(a => a.ClosedAt, now).SetProperty(a => a.Version, version), cancellationToken);
            }

            db.OutreachAttempts.Add(new OutreachAttempt
            {
                Id = attemptId,
                CampaignId = campaign.Id,
                PersonId = person,
                AgentUserId = agentUserId,
                Number = number,
                ClaimedAt = now,
                OverrideReason = candidate.OverrideReason,
            });
            await db.SaveChangesAsync(cancellationToken);

            // Held: not due again before the claim could expire (an outcome sets its own next time). The due list then
            // never starts with people others hold, however many are held. An override is used up.
            await member.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.NextAttemptAt, expires).SetProperty(m => m.OverrideReason, (string?)null).SetProperty(m => m.OverrideBy, (string?)null),
                cancellationToken);

            return new OutreachOffer(attemptId, person, campaign.Id, number, campaign.Name, OutreachTerms.Of(campaign.Purpose),
                OutreachTerms.Of(campaign.Channel), decision.Basis, campaign.QuestionnaireId, candidate.Attempts + 1, expires);
        }
        catch
        {
            // The database failed midway: the attempt, if written, is closed and the person released, never left half held.
            db.ChangeTracker.Clear();
            await db.OutreachAttempts.Where(a => a.Id == attemptId && a.Outcome == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, OutreachOutcome.Expired).SetProperty(a => a.ClosedAt, now), CancellationToken.None);
            await ReleaseAsync(person, attemptId, CancellationToken.None);
            throw;
        }
    }

    private Task<int> ReleaseAsync(Guid person, Guid attemptId, CancellationToken cancellationToken) =>
        db.OutreachClaims.Where(c => c.PersonId == person && c.AttemptId == attemptId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AttemptId, (Guid?)null).SetProperty(c => c.AgentUserId, (string?)null).SetProperty(c => c.ExpiresAt, (DateTimeOffset?)null), cancellationToken);

    // Refused for now: not offered again before the rule's time. Refused for good, or nothing to dial: off the list.
    private static Task<int> HoldBackAsync(IQueryable<CampaignMember> member, GuardDecision decision, bool noNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (noNumber || decision.Permanent)
        {
            var reason = noNumber ? CampaignMember.NoValidNumber : decision.Rule == GuardRule.DoNotContact ? CampaignMember.DoNotContact : CampaignMember.NoConsent;
            return member.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Excluded).SetProperty(m => m.Exclusion, reason).SetProperty(m => m.UpdatedAt, now), cancellationToken);
        }

        var until = decision.Until ?? now.AddHours(1);
        var rule = OutreachTerms.Of(decision.Rule!.Value);
        return member.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, until).SetProperty(m => m.HeldBy, rule).SetProperty(m => m.UpdatedAt, now), cancellationToken);
    }

    private static ContactWindow? BestTime(Campaign campaign) =>
        campaign.BestFrom is { } from && campaign.BestTo is { } to ? new ContactWindow(from, to) : null;

    /// <summary>Where to reach the person on the channel: the primary (else the first) mobile, phone, e-mail or WeChat id.</summary>
    private async Task<string?> NumberAsync(Guid person, OutreachChannel channel, CancellationToken cancellationToken)
    {
        if (channel == OutreachChannel.Post)
        {
            return await db.Addresses.AsNoTracking().Where(a => a.PersonId == person).Select(a => a.Line1).FirstOrDefaultAsync(cancellationToken);
        }

        var points = db.ContactPoints.AsNoTracking().Where(c => c.PersonId == person);
        points = channel switch
        {
            OutreachChannel.Phone => points.Where(c => c.Kind == ContactPointKind.Phone),
            OutreachChannel.Sms => points.Where(c => c.Kind == ContactPointKind.Phone && c.Type == "mobile"),
            OutreachChannel.Email => points.Where(c => c.Kind == ContactPointKind.Email),
            _ => points.Where(c => c.Kind == ContactPointKind.Messaging && c.Type == "wechat"),
        };
        return await points.OrderByDescending(c => c.IsPrimary).ThenByDescending(c => c.Type == "mobile").Select(c => c.Value).FirstOrDefaultAsync(cancellationToken);
    }
}
