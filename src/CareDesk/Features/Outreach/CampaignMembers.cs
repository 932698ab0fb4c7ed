using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A page of a campaign's list — who is on it, who was left out and why, what came of each — with the people's names:
/// a read of their records, audited. Field reps see only their own people.
/// </summary>
public sealed class CampaignMembers(CareDeskDbContext db, PersonReads reads)
{
    public sealed record Row(Guid PersonId, string Name, string Status, string? Exclusion, int Attempts, string? LastOutcome, DateTimeOffset? NextAttemptAt, string? HeldBy, DateTimeOffset? ReachedAt);

    public async Task<Result<IReadOnlyList<Row>>> RunAsync(Guid campaignId, string? status, string? exclusion, int skip, int take, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return Failure.NotFound("Campaign.NotFound");
        }

        var members = db.CampaignMembers.AsNoTracking().Where(m => m.CampaignId == campaignId);
        if (status is not null)
        {
            if (!KebabCase.TryParse(status, out MemberStatus wanted))
            {
                return Failure.Invalid("status", "Members.StatusInvalid", string.Join(", ", Enum.GetValues<MemberStatus>().Select(KebabCase.Of)));
            }

            members = members.Where(m => m.Status == wanted);
        }

        if (exclusion is not null)
        {
            members = members.Where(m => m.Exclusion == exclusion);
        }

        var rows = await (from m in members
                          join p in db.People on m.PersonId equals p.Id
                          where !viewer.OnlyAssigned || p.AssignedFieldRepId == viewer.UserId
                          orderby p.DisplayName, m.PersonId
                          select new { m, p.DisplayName })
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        await reads.RecordAsync(rows.Select(r => r.m.PersonId), "campaign-list", cancellationToken);
        return rows.ConvertAll(r => new Row(
            r.m.PersonId, r.DisplayName, KebabCase.Of(r.m.Status), r.m.Exclusion, r.m.Attempts,
            r.m.LastOutcome is { } o ? KebabCase.Of(o) : null, r.m.NextAttemptAt, r.m.HeldBy, r.m.ReachedAt));
    }
}
