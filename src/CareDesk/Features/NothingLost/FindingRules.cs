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
