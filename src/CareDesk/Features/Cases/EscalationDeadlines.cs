using System.Globalization;
using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>
/// The clock of an escalation: when the alerted expert has not acknowledged by <see cref="Escalation.AcknowledgeBy"/>,
/// or has not contacted the customer by <see cref="Escalation.ContactBy"/>, the next one in the chain is alerted and
/// the supervisors are told; past the end of the chain the escalation is exhausted. Every step goes on the case.
/// </summary>
public sealed class EscalationDeadlines(CareDeskDbContext db, EscalationAlerts alerts, DurableTimers timers, TimeProvider clock, IOptions<EscalationOptions> options)
{
    public const string Actor = "system:escalation";

    /// <summary>Alerts the expert at <paramref name="level"/> of the chain from <paramref name="now"/>.</summary>
    internal static void AlertLevel(Escalation escalation, int level, DateTimeOffset now, EscalationOptions settings)
    {
        escalation.Level = level;
        escalation.Status = EscalationStatus.Alerting;
        escalation.AlertedUserId = escalation.Chain[level];
        escalation.AlertedAt = now;
        escalation.AcknowledgeBy = now + settings.AcknowledgeWithin;
        escalation.AcknowledgedAt = null;
        escalation.ContactBy = null;
        escalation.Version = Guid.NewGuid();
    }

    /// <summary>
    /// Sets the escalation's one timer to its next deadline (replacing any earlier one) in <paramref name="db"/>'s next
    /// save, with the escalation itself; hand it over with <see cref="DurableTimers.HandOverAsync"/> after the save.
    /// </summary>
    internal static void SetTimer(DurableTimers timers, CareDeskDbContext db, Escalation escalation)
    {
        var due = escalation.Status == EscalationStatus.Alerting ? escalation.AcknowledgeBy : escalation.ContactBy;
        timers.Set<EscalationDeadlineJob>(
            db, escalation.Id.ToString(), due!.Value,
            new Dictionary<string, string> { ["level"] = escalation.Level.ToString(CultureInfo.InvariantCulture), ["status"] = escalation.Status.ToString() });
    }

    /// <summary>
    /// Runs when a deadline is due. Idempotent: it acts only if the escalation is still at the same level and status
    /// and the deadline has passed, so a repeated or late firing changes nothing twice.
    /// </summary>
    public async Task<bool> CheckAsync(Guid escalationId, int level, EscalationStatus status, CancellationToken cancellationToken)
    {
        var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == escalationId, cancellationToken);
        var now = clock.GetUtcNow();
        var due = escalation?.Status == EscalationStatus.Alerting ? escalation.AcknowledgeBy : escalation?.ContactBy;
        if (escalation is null || escalation.Level != level || escalation.Status != status || !escalation.IsActive || due > now)
        {
            return false;
        }

        var escalated = await db.Cases.SingleAsync(c => c.Id == escalation.CaseId, cancellationToken);
        var missed = escalation.AlertedUserId;
        db.CaseEntries.Add(new CaseEntry
        {
            CaseId = escalated.Id,
            Kind = CaseEntryKind.EscalationMissed,
            At = now,
            ActorUserId = Actor,
            FromOwner = missed is null ? null : CaseOwner.User(missed).ToString(),
            Text = status.ToString(),
        });
        if (level + 1 < escalation.Chain.Count)
        {
            AlertLevel(escalation, level + 1, now, options.Value);
            await alerts.AlertExpertAsync(escalation, escalated, cancellationToken);
            db.CaseEntries.Add(new CaseEntry
            {
                CaseId = escalated.Id,
                Kind = CaseEntryKind.Escalated,
                At = now,
                ActorUserId = Actor,
                ToOwner = CaseOwner.User(escalation.AlertedUserId!).ToString(),
            });
        }
        else
        {
            escalation.Status = EscalationStatus.Exhausted;
            escalation.Version = Guid.NewGuid();
            db.CaseEntries.Add(new CaseEntry { CaseId = escalated.Id, Kind = CaseEntryKind.EscalationExhausted, At = now, ActorUserId = Actor });
        }

        await alerts.TellSupervisorsAsync(escalation, escalated, missed, cancellationToken);
        escalated.UpdatedAt = now;
        escalated.Version = Guid.NewGuid();
        if (escalation.IsActive)
        {
            SetTimer(timers, db, escalation);
        }
        else
        {
            // Nothing is left to wait for (this also clears a timer when the check ran early by other means).
            timers.Clear<EscalationDeadlineJob>(db, escalation.Id.ToString());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The expert acknowledged (or someone changed the case) at this very moment: theirs stands, nothing to do.
            return false;
        }

        alerts.PublishQueued();
        await timers.HandOverAsync(db, cancellationToken);
        return true;
    }
}
