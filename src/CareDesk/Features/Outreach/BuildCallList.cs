using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Builds (or tops up) a campaign's call list from its target rule and reports it (F21): how many were selected, how
/// many may be called, who was excluded and why, and how many the fatigue rules hold back right now (they stay on the
/// list and are offered once the rule lets them).
/// </summary>
public sealed class BuildCallList(CareDeskDbContext db, CallList callList, AuditTrail audit, IOptions<OutreachOptions> options, TimeProvider clock)
{
    public sealed record Report(int Selected, int Eligible, IReadOnlyDictionary<string, int> Excluded, int HeldByFatigue, int Added);

    public async Task<Result<Report>> RunAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) is not { } campaign)
        {
            return Failure.NotFound("Campaign.NotFound");
        }

        if (campaign.IsFollowUpRule)
        {
            // A rule's list grows from events, one person at a time; there is nothing to build.
            return Failure.Invalid("trigger", "FollowUp.NoListToBuild");
        }

        if (campaign.Status == CampaignStatus.Ended)
        {
            return Failure.Invalid("status", "Campaign.Ended");
        }

        // A recall's list is its affected devices' owners, written by the recall (RecallTargets), not this rule.
        if (campaign.IsSafety)
        {
            return await ReportAsync(campaign, 0, cancellationToken);
        }

        var added = await callList.WriteAsync(campaign, cancellationToken);
        if (added > 10_000 && db.Database.IsNpgsql())
        {
            // A million new rows leave the planner with statistics from before them until autovacuum comes by: the
            // first claims were planned on them and ran at 3–12 per second (docs/benchmarks.md). About a second here.
            await db.Database.ExecuteSqlAsync($"ANALYZE campaign_members, outreach_claims", cancellationToken);
        }

        campaign.BuiltAt = clock.GetUtcNow();
        campaign.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordActionAsync("call-list-built", nameof(Campaign), campaign.Id.ToString(), cancellationToken, $"{added} added");
        return await ReportAsync(campaign, added, cancellationToken);
    }

    public async Task<Result<Report>> ReportAsync(Guid campaignId, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) is { } campaign
            ? await ReportAsync(campaign, 0, cancellationToken)
            : Failure.NotFound("Campaign.NotFound");

    private async Task<Report> ReportAsync(Campaign campaign, int added, CancellationToken cancellationToken)
    {
        var id = campaign.Id;
        var counts = await db.CampaignMembers.Where(m => m.CampaignId == id)
            .GroupBy(m => m.Exclusion)
            .Select(g => new { Exclusion = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var since = clock.GetUtcNow() - options.Value.CooldownFor(campaign.Purpose);
        var held = campaign.IsSafety ? 0 : await db.CampaignMembers
            .Where(m => m.CampaignId == id && m.Status == MemberStatus.Pending && db.Contacts.Any(c => c.PersonId == m.PersonId && !c.Missed && c.StartedAt >= since))
            .CountAsync(cancellationToken);
        return new Report(
            counts.Sum(c => c.Count),
            counts.Where(c => c.Exclusion is null).Sum(c => c.Count),
            counts.Where(c => c.Exclusion is not null).ToDictionary(c => c.Exclusion!, c => c.Count, StringComparer.Ordinal),
            held,
            added);
    }
}
