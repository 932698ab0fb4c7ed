using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// The clock of a report owed: at its warning instant, when its last day begins, and when it ends unsubmitted, every
/// quality user is alerted live, by e-mail and by page. One durable timer per obligation, moved from stage to stage.
/// </summary>
public sealed class ObligationDeadlines(CareDeskDbContext db, ObligationAlerts alerts, DurableTimers timers, TimeProvider clock)
{
    /// <summary>The stage reached at <paramref name="now"/>: 0 none, 1 warning, 2 due, 3 overdue.</summary>
    internal static int StageAt(RegulatoryObligation obligation, DateTimeOffset now) =>
        now >= obligation.DueAt ? 3 : now >= obligation.DueAlertAt ? 2 : now >= obligation.WarnAt && obligation.WarnAt < obligation.DueAlertAt ? 1 : 0;

    /// <summary>The next instant after the stage already alerted, or null when the overdue alert went.</summary>
    internal static DateTimeOffset? NextInstant(RegulatoryObligation obligation) => obligation.AlertedStage switch
    {
        0 when obligation.WarnAt < obligation.DueAlertAt => obligation.WarnAt,
        0 or 1 => obligation.DueAlertAt,
        2 => obligation.DueAt,
        _ => null,
    };

    /// <summary>Sets the obligation's one timer to its next stage in <paramref name="db"/>'s next save.</summary>
    internal static void SetTimer(DurableTimers timers, CareDeskDbContext db, RegulatoryObligation obligation)
    {
        if (NextInstant(obligation) is { } next)
        {
            timers.Set<ObligationTimerJob>(db, obligation.Id.ToString(), next);
        }
        else
        {
            timers.Clear<ObligationTimerJob>(db, obligation.Id.ToString());
        }
    }

    /// <summary>
    /// Runs when a stage is due. Idempotent: it alerts only a stage later than the last one alerted, and only while the
    /// obligation is open, so a repeated or late firing sends nothing twice (a late one sends only the latest stage).
    /// </summary>
    public async Task<bool> CheckAsync(Guid obligationId, CancellationToken cancellationToken)
    {
        var obligation = await db.Set<RegulatoryObligation>().SingleOrDefaultAsync(o => o.Id == obligationId, cancellationToken);
        var now = clock.GetUtcNow();
        if (obligation is not { Status: ObligationStatus.Open })
        {
            return false;
        }

        var stage = StageAt(obligation, now);
        var alerted = stage > obligation.AlertedStage;
        if (alerted)
        {
            await alerts.QueueAsync(obligation, stage, cancellationToken);
            // Not a new version: an alert changes nothing quality decides on, so a submission read before it still
            // stands. The version read here still guards the save against a submission in between.
            obligation.AlertedStage = stage;
        }

        SetTimer(timers, db, obligation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Quality submitted it (or a re-decision moved it) at this very moment: theirs stands; its own timer follows.
            return false;
        }

        alerts.PublishQueued();
        await timers.HandOverAsync(db, cancellationToken);
        return alerted;
    }
}
