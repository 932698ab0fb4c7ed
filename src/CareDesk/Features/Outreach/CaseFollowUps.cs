using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A case's follow-ups (F20): promised on it or started by it (a resolved complaint, a repair recorded on it), each
/// with its rule, when it is due, how it went, and — while it waits — what the contact-fatigue guard says now.
/// </summary>
public sealed class CaseFollowUps(CareDeskDbContext db, CaseAccess access, ContactGuard guard)
{
    public sealed record Row(Guid CampaignId, string Rule, string? Trigger, DateTimeOffset DueAt, string Status, string? Outcome, int Attempts, string? Note, GuardAnswer? Guard);

    public async Task<Result<IReadOnlyList<Row>>> RunAsync(Guid caseId, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = await (from m in db.CampaignMembers.AsNoTracking()
                           join c in db.Campaigns on m.CampaignId equals c.Id
                           join e in db.FollowUpEvents on m.EventId equals e.Id into events
                           from e in events.DefaultIfEmpty()
                           where m.CaseId == caseId
                           orderby m.NextAttemptAt
                           select new { Member = m, Campaign = c, Note = e == null ? null : e.Note })
            .ToListAsync(cancellationToken);
        var rows = new List<Row>(found.Count);
        foreach (var f in found)
        {
            GuardAnswer? answer = null;
            if (f.Member.Status == MemberStatus.Pending && f.Campaign.Status == CampaignStatus.Running)
            {
                var decision = await guard.CheckAsync(new ContactGuard.Ask(f.Member.PersonId, f.Campaign.Purpose, f.Campaign.Channel), cancellationToken);
                answer = GuardAnswer.Of(decision);
            }

            rows.Add(new Row(
                f.Campaign.Id, f.Campaign.Name, f.Campaign.Trigger is { } trigger ? KebabCase.Of(trigger) : null, f.Member.NextAttemptAt,
                KebabCase.Of(f.Member.Status), f.Member.LastOutcome is { } outcome ? OutreachTerms.Of(outcome) : null, f.Member.Attempts, f.Note, answer));
        }

        return rows;
    }
}
