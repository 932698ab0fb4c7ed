using System.Linq.Expressions;
using CareDesk.Features.Cases;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

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

/// <summary>The durable timer of one case clock, keyed <c>{caseId}:{first-response|resolution}</c>.</summary>
[DisallowConcurrentExecution]
public sealed class ServiceLevelTimerJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var key = context.JobDetail.Key.Name;
        var split = key.IndexOf(':', StringComparison.Ordinal);
        var kind = key[(split + 1)..] == "first-response" ? ServiceLevelKind.FirstResponse : ServiceLevelKind.Resolution;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("service-levels");
        await scope.ServiceProvider.GetRequiredService<ServiceLevelDeadlines>().CheckAsync(Guid.Parse(key[..split]), kind, cancellationToken);
    }
}

/// <summary>Where a case stands on its service levels, read from its stored columns only (lists never recompute clocks).</summary>
public static class ServiceLevelState
{
    public const string None = "none";
    public const string OnTrack = "on-track";
    public const string Warning = "warning";
    public const string Breached = "breached";
    public const string Paused = "paused";
    public const string Met = "met";

    /// <summary>
    /// An open case: paused while waiting on the customer, else the worst of its running clocks (a clock already
    /// met does not count), met when none runs. A resolved or closed case: breached if any clock was, else met.
    /// </summary>
    public static string Of(Case timed, DateTimeOffset now)
    {
        if (timed.ServicePolicyId is null)
        {
            return None;
        }

        if (!timed.IsOpen)
        {
            return timed.FirstResponseBreachedAt is not null || timed.ResolutionBreachedAt is not null
                || (timed.ResolvedAt is { } resolved && resolved > timed.ResolutionDueAt) ? Breached : Met;
        }

        if (timed.ClockPausedSince is not null)
        {
            return Paused;
        }

        var firstResponse = timed.FirstRespondedAt is null && timed.FirstResponseTarget is not null
            ? Clock(timed.FirstResponseDueAt, timed.FirstResponseWarnAt, timed.FirstResponseBreachedAt, timed.FirstResponseWarnedAt, now) : Met;
        var resolution = timed.ResolutionTarget is not null
            ? Clock(timed.ResolutionDueAt, timed.ResolutionWarnAt, timed.ResolutionBreachedAt, timed.ResolutionWarnedAt, now) : Met;
        return Worst(firstResponse, resolution);
    }

    public static readonly IReadOnlyList<string> All = [OnTrack, Warning, Breached, Paused, Met, None];

    /// <summary>
    /// The same rule as <see cref="Of"/> as a query expression, so lists filter and count by state in the database
    /// (a CASE over the stored columns); a unit test holds the two to the same answers.
    /// </summary>
    public static Expression<Func<Case, string>> StateOf(DateTimeOffset now) => c =>
        c.ServicePolicyId == null ? None
        : c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed
            ? (c.FirstResponseBreachedAt != null || c.ResolutionBreachedAt != null
                || (c.ResolvedAt != null && c.ResolutionDueAt != null && c.ResolvedAt > c.ResolutionDueAt) ? Breached : Met)
        : c.ClockPausedSince != null ? Paused
        : (c.FirstRespondedAt == null && c.FirstResponseTarget != null
                && (c.FirstResponseBreachedAt != null || (c.FirstResponseDueAt != null && c.FirstResponseDueAt <= now)))
            || (c.ResolutionTarget != null && (c.ResolutionBreachedAt != null || (c.ResolutionDueAt != null && c.ResolutionDueAt <= now))) ? Breached
        : (c.FirstRespondedAt == null && c.FirstResponseTarget != null
                && (c.FirstResponseWarnedAt != null || (c.FirstResponseWarnAt != null && c.FirstResponseWarnAt <= now)))
            || (c.ResolutionTarget != null && (c.ResolutionWarnedAt != null || (c.ResolutionWarnAt != null && c.ResolutionWarnAt <= now))) ? Warning
        : (c.FirstRespondedAt == null && c.FirstResponseTarget != null) || c.ResolutionTarget != null ? OnTrack
        : Met;

    /// <summary>Cases whose state (<see cref="StateOf"/>) is one of <paramref name="states"/>: one <c>IN</c> over the CASE.</summary>
    public static Expression<Func<Case, bool>> In(IReadOnlyCollection<string> states, DateTimeOffset now)
    {
        var state = StateOf(now);
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(string));
        return Expression.Lambda<Func<Case, bool>>(
            Expression.Call(contains, Expression.Constant(states.ToArray()), state.Body), state.Parameters);
    }

    /// <summary>One running clock: breached once due (or recorded), warning once past its warn instant, else on track.</summary>
    public static string Clock(DateTimeOffset? due, DateTimeOffset? warn, DateTimeOffset? breachedAt, DateTimeOffset? warnedAt, DateTimeOffset now) =>
        breachedAt is not null || due <= now ? Breached
        : warnedAt is not null || warn <= now ? Warning
        : OnTrack;

    private static string Worst(string a, string b)
    {
        string[] order = [Breached, Warning, OnTrack, Met];
        return Array.IndexOf(order, a) <= Array.IndexOf(order, b) ? a : b;
    }
}
