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
public sealed class TakeNextContact(CareDeskDbContext db, ContactGuard guard, RunningCampaigns running, IOptions<OutreachOptions> options, TimeProvider clock)
{
    private const int Batch = 24;

    private sealed record Candidate(Guid CampaignId, Guid PersonId, int Attempts, string? OverrideReason, Guid? HeldBy, DateTimeOffset? HeldUntil, string? Number);

    /// <summary>A number or address of a person. Init properties, not a constructor: a query composed on it stays in SQL.</summary>
    private sealed class Reach
    {
        public Guid PersonId { get; init; }

        public string? Value { get; init; }

        public bool Primary { get; init; }

        public bool Mobile { get; init; }
    }

    public async Task<OutreachOffer?> RunAsync(string agentUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (campaigns, skills) = await running.ForAsync(agentUserId, now, cancellationToken);

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

    // The due people with what the offer needs that no claim protects (their number): one statement. The campaign's
    // status is read here, not from the cached list (RunningCampaigns), so a pause or an end takes effect at once.
    private async Task<List<Candidate>> DueAsync(Campaign campaign, List<string> skills, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaignId = campaign.Id;
        var reach = Reachable(campaign.Channel);
        var members = db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.Status == MemberStatus.Pending && m.NextAttemptAt <= now);
        if (campaign.SkillFromDevice)
        {
            // A follow-up about a device goes to someone who knows it (story 6: someone who can answer).
            members = members.Where(m => m.SkillModelId == null || skills.Contains(m.SkillModelId) || skills.Contains(m.SkillMakerId!));
        }

        return await (from m in members
                      join c in db.OutreachClaims on m.PersonId equals c.PersonId
                      where (c.AttemptId == null || c.ExpiresAt <= now)
                            && db.Campaigns.Any(k => k.Id == campaignId && k.Status == CampaignStatus.Running)
                      orderby m.NextAttemptAt
                      select new Candidate(
                          m.CampaignId, m.PersonId, m.Attempts, m.OverrideReason, c.AttemptId, c.ExpiresAt,
                          reach.Where(r => r.PersonId == m.PersonId).OrderByDescending(r => r.Primary).ThenByDescending(r => r.Mobile).Select(r => r.Value).FirstOrDefault()))
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
        if (!await ClaimAsync(candidate, attemptId, agentUserId, now, expires, cancellationToken))
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
            var number = decision.Allowed ? candidate.Number : null;
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

    /// <summary>
    /// Claims the person and holds their list entry in one round trip on PostgreSQL (the entry's update reads the
    /// claim's RETURNING), in two statements on SQLite (one writer at a time there). Held: not due again before the
    /// claim could expire (an outcome, or the guard's refusal, sets its own next time), so the due list never starts
    /// with people others hold; an override is used up (it passes only timing rules, so a refusal under it takes the
    /// person off the list anyway).
    /// </summary>
    private async Task<bool> ClaimAsync(Candidate candidate, Guid attemptId, string agentUserId, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var (person, campaignId) = (candidate.PersonId, candidate.CampaignId);
        if (db.Database.IsNpgsql())
        {
            var claimed = candidate.HeldBy is { } held
                ? db.Database.SqlQuery<int>($"""
                    WITH claimed AS (
                        UPDATE outreach_claims SET "AttemptId" = {attemptId}, "AgentUserId" = {agentUserId}, "ExpiresAt" = {expires}
                        WHERE "PersonId" = {person} AND "AttemptId" = {held} AND "ExpiresAt" <= {now}
                        RETURNING "PersonId"),
                    member AS (
                        UPDATE campaign_members SET "NextAttemptAt" = {expires}, "OverrideReason" = NULL, "OverrideBy" = NULL
                        WHERE "CampaignId" = {campaignId} AND "PersonId" IN (SELECT "PersonId" FROM claimed))
                    SELECT count(*)::int AS "Value" FROM claimed
                    """)
                : db.Database.SqlQuery<int>($"""
                    WITH claimed AS (
                        UPDATE outreach_claims SET "AttemptId" = {attemptId}, "AgentUserId" = {agentUserId}, "ExpiresAt" = {expires}
                        WHERE "PersonId" = {person} AND "AttemptId" IS NULL
                        RETURNING "PersonId"),
                    member AS (
                        UPDATE campaign_members SET "NextAttemptAt" = {expires}, "OverrideReason" = NULL, "OverrideBy" = NULL
                        WHERE "CampaignId" = {campaignId} AND "PersonId" IN (SELECT "PersonId" FROM claimed))
                    SELECT count(*)::int AS "Value" FROM claimed
                    """);
            return (await claimed.ToListAsync(cancellationToken)).SingleOrDefault() == 1;
        }

        var claims = db.OutreachClaims.Where(c => c.PersonId == person);
        claims = candidate.HeldBy is { } stale
            ? claims.Where(c => c.AttemptId == stale && c.ExpiresAt <= now)
            : claims.Where(c => c.AttemptId == null);
        if (await claims.ExecuteUpdateAsync(
                s => s.SetProperty(c => c.AttemptId, attemptId).SetProperty(c => c.AgentUserId, agentUserId).SetProperty(c => c.ExpiresAt, expires),
                cancellationToken) == 0)
        {
            return false;
        }

        await db.CampaignMembers.Where(m => m.CampaignId == campaignId && m.PersonId == person).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.NextAttemptAt, expires).SetProperty(m => m.OverrideReason, (string?)null).SetProperty(m => m.OverrideBy, (string?)null),
            CancellationToken.None);
        return true;
    }

    /// <summary>Where to reach a person on the channel: the primary (else the first) mobile, phone, e-mail or WeChat id.</summary>
    private IQueryable<Reach> Reachable(OutreachChannel channel)
    {
        if (channel == OutreachChannel.Post)
        {
            return db.Addresses.Select(a => new Reach { PersonId = a.PersonId, Value = a.Line1 });
        }

        var points = channel switch
        {
            OutreachChannel.Phone => db.ContactPoints.Where(c => c.Kind == ContactPointKind.Phone),
            OutreachChannel.Sms => db.ContactPoints.Where(c => c.Kind == ContactPointKind.Phone && c.Type == "mobile"),
            OutreachChannel.Email => db.ContactPoints.Where(c => c.Kind == ContactPointKind.Email),
            _ => db.ContactPoints.Where(c => c.Kind == ContactPointKind.Messaging && c.Type == "wechat"),
        };
        return points.Select(c => new Reach { PersonId = c.PersonId, Value = c.Value, Primary = c.IsPrimary, Mobile = c.Type == "mobile" });
    }
}
