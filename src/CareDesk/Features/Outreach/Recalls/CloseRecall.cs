using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Closes a recall (F21a): its campaign ends, so agents are offered none of its contacts any more; what was recorded
/// per device stays, and returns and corrections may still be recorded. A draft closes without ever calling anyone.
/// </summary>
public sealed class CloseRecall(CareDeskDbContext db, AuditTrail audit)
{
    public async Task<Result<RecallView>> RunAsync(Guid recallId, CancellationToken cancellationToken)
    {
        if (await db.Recalls.SingleOrDefaultAsync(r => r.Id == recallId, cancellationToken) is not { } recall)
        {
            return Failure.NotFound("Recall.NotFound");
        }

        if (recall.Status == RecallStatus.Closed)
        {
            return Failure.Invalid("status", "Recall.Closed");
        }

        var campaign = await db.Campaigns.SingleAsync(c => c.Id == recall.CampaignId, cancellationToken);
        campaign.Status = CampaignStatus.Ended;
        campaign.Version = Guid.NewGuid();
        recall.Status = RecallStatus.Closed;
        recall.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordActionAsync("recall-closed", nameof(Recall), recall.Id.ToString(), cancellationToken);
        return RecallView.Of(recall);
    }
}
