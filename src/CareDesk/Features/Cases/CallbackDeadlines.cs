using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// A promised callback's durable timer: at its warning instant (if it has one) the owner is told, once; when its time
/// passes undone it is marked overdue, on the timeline, and the supervisors are told (once).
/// </summary>
public sealed class CallbackDeadlines(CareDeskDbContext db, EscalationAlerts alerts, DurableTimers timers, TimeProvider clock)
{
    /// <summary>When the timer of a newly promised callback fires first: its warning instant while still ahead, else its due time.</summary>
    public static DateTimeOffset FirstInstant(Callback callback, DateTimeOffset now) =>
        callback.WarnAt is { } warnAt && warnAt > now && warnAt < callback.DueAt ? warnAt : callback.DueAt;

    /// <summary>Idempotent: acts only on a pending callback whose warning or due instant has passed and was not yet recorded.</summary>
    public async Task<bool> CheckAsync(Guid callbackId, CancellationToken cancellationToken)
    {
        var callback = await db.Callbacks.SingleOrDefaultAsync(c => c.Id == callbackId, cancellationToken);
        var now = clock.GetUtcNow();
        if (callback is null || callback.Status != CallbackStatus.Pending)
        {
            return false;
        }

        if (callback.DueAt > now)
        {
            return await WarnAsync(callback, now, cancellationToken);
        }

        var promised = await db.Cases.SingleAsync(c => c.Id == callback.CaseId, cancellationToken);
        callback.Status = CallbackStatus.Overdue;
        callback.Version = Guid.NewGuid();
        db.CaseEntries.Add(new CaseEntry
        {
            CaseId = promised.Id,
            Kind = CaseEntryKind.CallbackOverdue,
            At = now,
            ActorUserId = EscalationDeadlines.Actor,
            FromOwner = CaseOwner.User(callback.OwnerUserId).ToString(),
        });
        await alerts.TellSupervisorsAboutCallbackAsync(callback, promised, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Done at this very moment: not overdue after all.
            return false;
        }

        alerts.PublishQueued();
        return true;
    }

    /// <summary>
    /// Before the due time: past the warning instant and not yet warned (<see cref="Callback.WarnedAt"/>, which makes a
    /// repeated firing a no-op), the owner is told and the warning is on the timeline; the timer is then set to the due time.
    /// </summary>
    private async Task<bool> WarnAsync(Callback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = callback.Id.ToString();
        if (callback.WarnAt is not { } warnAt || warnAt > now)
        {
            // Fired early (moved or no warning): wait for the next instant.
            await timers.ScheduleAsync<CallbackOverdueJob>(key, FirstInstant(callback, now), null, cancellationToken);
            return false;
        }

        var owner = CaseOwner.User(callback.OwnerUserId).ToString();
        var warnedNow = callback.WarnedAt is null;
        if (warnedNow)
        {
            callback.WarnedAt = now;
            var promised = await db.Cases.SingleAsync(c => c.Id == callback.CaseId, cancellationToken);
            // The version guards a concurrent "done" or a second firing: only one of them is saved.
            callback.Version = Guid.NewGuid();
            db.CaseEntries.Add(new CaseEntry
            {
                CaseId = promised.Id,
                Kind = CaseEntryKind.CallbackWarning,
                At = now,
                ActorUserId = EscalationDeadlines.Actor,
                ToOwner = owner,
            });
            await alerts.TellOwnerAboutCallbackAsync(callback, promised, cancellationToken);
            // The due-time timer commits with the warning: a node that dies after the commit cannot lose it.
            timers.Set<CallbackOverdueJob>(db, key, callback.DueAt);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Done, or warned by another firing, at this very moment: look again at once, on the new state.
                await timers.ScheduleAsync<CallbackOverdueJob>(key, now, null, cancellationToken);
                return false;
            }

            alerts.PublishQueued();
            await timers.HandOverAsync(db, cancellationToken);
            return true;
        }

        await timers.ScheduleAsync<CallbackOverdueJob>(key, callback.DueAt, null, cancellationToken);
        return warnedNow;
    }
}
