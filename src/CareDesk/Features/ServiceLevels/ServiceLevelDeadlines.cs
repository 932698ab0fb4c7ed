using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// What a case clock's durable timer does when it fires: at the warn instant it records the warning and tells the
/// owner; at the due instant it records the breach and tells the owner and the supervisors. Each once.
/// </summary>
public sealed class ServiceLevelDeadlines(CareDeskDbContext db, EscalationAlerts alerts, DurableTimers timers, TimeProvider clock)
{
    public const string Actor = "system:service-levels";

    internal static readonly ServiceLevelKind[] CaseClocks = [ServiceLevelKind.FirstResponse, ServiceLevelKind.Resolution];

    internal static string TimerKey(Guid caseId, ServiceLevelKind kind) => $"{caseId}:{Name(kind)}";

    public static string Name(ServiceLevelKind kind) => kind == ServiceLevelKind.FirstResponse ? "first-response" : "resolution";

    /// <summary>When the timer of a running clock fires next (its warning, else its due); null when the clock is stopped, met or breached.</summary>
    internal static DateTimeOffset? NextInstant(Case timed, ServiceLevelKind kind)
    {
        if (!timed.IsOpen || timed.ClockPausedSince is not null)
        {
            return null;
        }

        return kind == ServiceLevelKind.FirstResponse
            ? timed.FirstRespondedAt is null && timed.FirstResponseBreachedAt is null ? timed.FirstResponseWarnedAt is null ? timed.FirstResponseWarnAt : timed.FirstResponseDueAt : null
            : timed.ResolutionBreachedAt is null ? timed.ResolutionWarnedAt is null ? timed.ResolutionWarnAt : timed.ResolutionDueAt : null;
    }

    /// <summary>
    /// Idempotent: acts only if the clock still runs and its stored warn or due instant has passed and was not yet
    /// recorded; a timer that fires after the due moved (a pause) sets itself to the new instant. The write is
    /// guarded by the case's version without changing it, so an agent's concurrent change wins and the check runs again.
    /// </summary>
    public async Task<bool> CheckAsync(Guid caseId, ServiceLevelKind kind, CancellationToken cancellationToken)
    {
        var timed = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var now = clock.GetUtcNow();
        if (timed is null || NextInstant(timed, kind) is not { } next)
        {
            return false;
        }

        if (next > now)
        {
            // Fired for an instant that has moved since: wait for the new one.
            await timers.ScheduleAsync<ServiceLevelTimerJob>(TimerKey(caseId, kind), next, null, cancellationToken);
            return false;
        }

        var first = kind == ServiceLevelKind.FirstResponse;
        var due = first ? timed.FirstResponseDueAt : timed.ResolutionDueAt;
        var breached = due <= now;
        if (breached && first)
        {
            timed.FirstResponseBreachedAt = now;
        }
        else if (breached)
        {
            timed.ResolutionBreachedAt = now;
        }
        else if (first)
        {
            timed.FirstResponseWarnedAt = now;
        }
        else
        {
            timed.ResolutionWarnedAt = now;
        }

        db.CaseEntries.Add(new CaseEntry
        {
            CaseId = timed.Id,
            Kind = breached ? CaseEntryKind.ServiceLevelBreached : CaseEntryKind.ServiceLevelWarning,
            At = now,
            ActorUserId = Actor,
            Text = Name(kind),
        });
        await alerts.TellAboutServiceLevelAsync(timed, Name(kind), breached, due!.Value, cancellationToken);
        if (NextInstant(timed, kind) is { } then)
        {
            // The next instant (the due time after a warning) commits with this one.
            timers.Set<ServiceLevelTimerJob>(db, TimerKey(caseId, kind), then);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the case at this very moment (answered, paused…): look again at once, on the new state.
            await timers.ScheduleAsync<ServiceLevelTimerJob>(TimerKey(caseId, kind), now, null, cancellationToken);
            return false;
        }

        alerts.PublishQueued();
        await timers.HandOverAsync(db, cancellationToken);
        return true;
    }
}
