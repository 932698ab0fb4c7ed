using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Starts a recall (F21a): selects the affected devices, writes the call list (one member per person), starts its
/// safety-notice campaign so agents are offered these contacts before any other, and sends the notice by e-mail to
/// those who have no number. A recall that selects no device is refused, naming its targeting.
/// </summary>
public sealed class StartRecall(CareDeskDbContext db, RecallTargets targets, RecallEscalation escalation, AuditTrail audit, RunningCampaigns running, TimeProvider clock)
{
    public sealed record Report(RecallView Recall, int Devices, int People, int NoNumber, int NotifiedByEmail);

    public async Task<Result<Report>> RunAsync(Guid recallId, CancellationToken cancellationToken)
    {
        if (await db.Recalls.SingleOrDefaultAsync(r => r.Id == recallId, cancellationToken) is not { } recall)
        {
            return Failure.NotFound("Recall.NotFound");
        }

        if (recall.Status != RecallStatus.Draft)
        {
            // The reason names the state in words (a raw "running" in a Chinese sentence is not an answer).
            return Failure.Invalid("status", $"Recall.NotDraft.{OutreachTerms.Of(recall.Status)}");
        }

        var now = clock.GetUtcNow();
        await targets.WriteDevicesAsync(recall, cancellationToken);
        var devices = await db.RecallDevices.CountAsync(d => d.RecallId == recallId, cancellationToken);
        if (devices == 0)
        {
            return Failure.Invalid(recall.SerialRanges.Count > 0 ? "serialRanges" : recall.Lots.Count > 0 ? "lots" : "modelIds", "Recall.SelectsNoDevice");
        }

        var noNumber = await targets.WriteMembersAsync(recall, cancellationToken);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == recall.CampaignId, cancellationToken);
        campaign.Status = CampaignStatus.Running;
        campaign.BuiltAt = now;
        campaign.Version = Guid.NewGuid();
        recall.Status = RecallStatus.Running;
        recall.StartedAt = now;
        recall.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        running.Forget();
        var emailed = await escalation.StageForAsync(recall, noNumber, now, cancellationToken);
        var people = await db.CampaignMembers.CountAsync(m => m.CampaignId == recall.CampaignId, cancellationToken);
        await audit.RecordActionAsync("recall-started", nameof(Recall), recall.Id.ToString(), cancellationToken, $"{devices} devices, {people} people");
        return new Report(RecallView.Of(recall), devices, people, noNumber.Count, emailed);
    }
}
