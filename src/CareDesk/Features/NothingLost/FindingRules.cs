using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.NothingLost;

/// <summary>A condition the detector found now: <see cref="Subject"/> names it within its rule.</summary>
public sealed record Detected(string Subject, Guid? CaseId, string? UserId, string? Detail);

/// <summary>
/// One nothing-lost rule (F14). The detector asks every registered rule, each scan, for the conditions that hold now
/// (at most a limit, worst first); a rule is one indexed query. New rules are registered in
/// <see cref="NothingLostEndpoints.AddNothingLost"/> — "owner off shift" is designed in docs/nothing-lost.md.
/// </summary>
public interface IFindingRule
{
    /// <summary>Kebab-case, stored on the finding, and the key of its label (<c>Rule.&lt;name&gt;</c>).</summary>
    string Name { get; }

    Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

/// <summary>Open cases without a timeline entry for longer than their status allows.</summary>
public sealed class IdleCaseRule(CareDeskDbContext db, IOptions<NothingLostOptions> options) : IFindingRule
{
    public string Name => "case-idle";

    public async Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var o = options.Value;
        DateTimeOffset newBefore = now - o.NewIdleAfter, inProgressBefore = now - o.InProgressIdleAfter, waitingBefore = now - o.WaitingOnCustomerIdleAfter;
        // One query; each branch is a range on the (Status, LastActivityAt) index.
        var idle = await db.Cases.AsNoTracking()
            .Where(c => (c.Status == CaseStatus.New && c.LastActivityAt < newBefore)
                || (c.Status == CaseStatus.InProgress && c.LastActivityAt < inProgressBefore)
                || (c.Status == CaseStatus.WaitingOnCustomer && c.LastActivityAt < waitingBefore))
            .OrderBy(c => c.LastActivityAt)
            .Take(limit)
            .Select(c => new { c.Id, c.Number, c.Status, c.LastActivityAt, c.OwnerUserId })
            .ToListAsync(cancellationToken);
        return [.. idle.Select(c => new Detected(c.Id.ToString(), c.Id, c.OwnerUserId, $"{CaseNumbers.Display(c.Number)} {CaseTerms.Of(c.Status)} {c.LastActivityAt:O}"))];
    }
}

/// <summary>Disabled users who still own open cases: nobody is working them.</summary>
public sealed class DisabledOwnerRule(CareDeskDbContext db) : IFindingRule
{
    public string Name => "owner-disabled";

    public async Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var owners = await db.Users.AsNoTracking()
            .Where(u => u.IsDisabled)
            .Select(u => new
            {
                u.Id,
                Open = db.Cases.Count(c => c.OwnerUserId == u.Id && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed),
            })
            .Where(u => u.Open > 0)
            .OrderByDescending(u => u.Open)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. owners.Select(u => new Detected(u.Id, null, u.Id, u.Open.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}

/// <summary>Promised callbacks past their due time and not made (the overdue timer marks them; this also sees a late timer).</summary>
public sealed class OverdueCallbackRule(CareDeskDbContext db) : IFindingRule
{
    public string Name => "callback-overdue";

    public async Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var overdue = await db.Callbacks.AsNoTracking()
            .Where(c => c.Status == CallbackStatus.Overdue || (c.Status == CallbackStatus.Pending && c.DueAt < now))
            .OrderBy(c => c.DueAt)
            .Take(limit)
            .Select(c => new { c.Id, c.CaseId, c.OwnerUserId, c.DueAt })
            .ToListAsync(cancellationToken);
        return [.. overdue.Select(c => new Detected(c.Id.ToString(), c.CaseId, c.OwnerUserId, c.DueAt.ToString("O")))];
    }
}

/// <summary>Escalations whose alerted expert let the acknowledgement deadline pass, or that ran out of experts on an open case.</summary>
public sealed class UnacknowledgedEscalationRule(CareDeskDbContext db) : IFindingRule
{
    public string Name => "escalation-unacknowledged";

    public async Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var waiting = await db.Escalations.AsNoTracking()
            .Where(e => (e.Status == EscalationStatus.Alerting && e.AcknowledgeBy < now)
                || (e.Status == EscalationStatus.Exhausted && db.Cases.Any(c => c.Id == e.CaseId && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)))
            .OrderBy(e => e.RequestedAt)
            .Take(limit)
            .Select(e => new { e.Id, e.CaseId, e.AlertedUserId, e.Status })
            .ToListAsync(cancellationToken);
        return [.. waiting.Select(e => new Detected(e.Id.ToString(), e.CaseId, e.AlertedUserId, CaseTerms.Of(e.Status)))];
    }
}

/// <summary>
/// Shift workers who own open cases while off shift: nobody is working those cases until the owner is back. A user
/// counts as a shift worker when they had a work shift in the last <see cref="NothingLostOptions.ShiftWorkerWithin"/>
/// (someone who never works shifts is never "off shift"); on shift when a work shift covers now, or ended less than
/// <see cref="NothingLostOptions.OffShiftGrace"/> ago (the handover), or they are on call now. Disabled owners are
/// <see cref="DisabledOwnerRule"/>'s.
/// </summary>
public sealed class OwnerOffShiftRule(CareDeskDbContext db, IOptions<NothingLostOptions> options) : IFindingRule
{
    public string Name => "owner-off-shift";

    public async Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // Work-shift instants are stored in UTC (see WhoIsOnShift): compare in UTC.
        now = now.ToUniversalTime();
        var o = options.Value;
        var since = now - o.ShiftWorkerWithin;
        var coveredUntil = now - o.OffShiftGrace;
        var earliestStart = coveredUntil - Staff.WhoIsOnShift.LongestShift;
        var shifts = await db.WorkShifts.AsNoTracking()
            .Where(s => s.StartsAt > since && s.StartsAt <= now)
            .Select(s => new { s.UserId, s.StartsAt, s.EndsAt })
            .ToListAsync(cancellationToken);
        var onCall = await db.OnCallShifts.AsNoTracking()
            .Where(s => s.StartsAt <= now && s.EndsAt > now)
            .ToListAsync(cancellationToken);
        var onDuty = shifts.Where(s => s.StartsAt > earliestStart && s.EndsAt > coveredUntil).Select(s => s.UserId)
            .Concat(onCall.SelectMany(s => s.Chain))
            .ToHashSet(StringComparer.Ordinal);
        var offShift = shifts.Select(s => s.UserId).Distinct(StringComparer.Ordinal).Where(u => !onDuty.Contains(u)).ToList();
        if (offShift.Count == 0)
        {
            return [];
        }

        var owners = await db.Cases.AsNoTracking()
            .Where(c => c.OwnerUserId != null && offShift.Contains(c.OwnerUserId)
                && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed
                && !db.Users.Any(u => u.Id == c.OwnerUserId && u.IsDisabled))
            .GroupBy(c => c.OwnerUserId!)
            .Select(g => new { UserId = g.Key, Open = g.Count() })
            .OrderByDescending(g => g.Open)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. owners.Select(u => new Detected(u.UserId, null, u.UserId, u.Open.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
