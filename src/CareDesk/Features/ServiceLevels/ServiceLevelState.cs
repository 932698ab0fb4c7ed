using System.Linq.Expressions;
using CareDesk.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.ServiceLevels;

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
