using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>Starts (building its list first if it has none; a follow-up rule has none to build), pauses, resumes or ends a campaign.</summary>
public sealed class ChangeCampaignStatus(CareDeskDbContext db, BuildCallList build, RunningCampaigns running)
{
    public async Task<Result<CampaignView>> RunAsync(Guid campaignId, CampaignStatus to, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) is not { } campaign)
        {
            return Failure.NotFound("Campaign.NotFound");
        }

        var allowed = (campaign.Status, to) switch
        {
            (CampaignStatus.Draft or CampaignStatus.Paused, CampaignStatus.Running) => true,
            (CampaignStatus.Running, CampaignStatus.Paused) => true,
            (not CampaignStatus.Ended, CampaignStatus.Ended) => true,
            _ => false,
        };
        if (!allowed)
        {
            return Failure.Invalid("status", "Campaign.StatusChangeInvalid", OutreachTerms.Of(campaign.Status), OutreachTerms.Of(to));
        }

        if (to == CampaignStatus.Running && campaign.BuiltAt is null && !campaign.IsFollowUpRule)
        {
            var built = await build.RunAsync(campaignId, cancellationToken);
            if (built.Failure is { } failure)
            {
                return failure;
            }

            db.ChangeTracker.Clear();
            campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, cancellationToken);
        }

        campaign.Status = to;
        campaign.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        running.Forget();
        return CampaignView.Of(campaign);
    }
}
