using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// What a recall call's outcome means for the person's affected devices (F21a), staged in the outcome's save: spoken
/// to — notified and reached by phone, and confirmed when they said they understood the notice; calls over without
/// reaching them — the notice goes out by the next channel (<see cref="RecallEscalation"/>).
/// </summary>
public sealed class RecallTracking(CareDeskDbContext db, RecallEscalation escalation)
{
    public const string Phone = "phone";

    public async Task StageAsync(Campaign campaign, CampaignMember member, OutreachOutcome outcome, IReadOnlyDictionary<string, string> answers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!campaign.IsSafety || await db.Recalls.AsNoTracking().SingleOrDefaultAsync(r => r.CampaignId == campaign.Id, cancellationToken) is not { } recall)
        {
            return;
        }

        var devices = await db.RecallDevices.Where(d => d.RecallId == recall.Id && d.PersonId == member.PersonId).ToListAsync(cancellationToken);
        var spoken = member.ReachedAt is not null;
        var confirmed = answers.TryGetValue(CreateRecall.ConfirmedQuestion, out var said) && said == "yes";
        foreach (var device in devices)
        {
            device.Outcome = OutreachTerms.Of(outcome);
            device.UpdatedAt = now;
            if (spoken)
            {
                device.NotifiedAt ??= now;
                device.NotifiedBy ??= Phone;
                device.ReachedAt ??= now;
                device.ConfirmedAt ??= confirmed ? now : null;
            }
        }

        if (!spoken && member.Status == MemberStatus.Done)
        {
            await escalation.StageAsync(recall, member.PersonId, devices, now, cancellationToken);
        }
    }
}
