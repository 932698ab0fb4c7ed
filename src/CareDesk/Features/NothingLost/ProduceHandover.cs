using System.Text.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Staff;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.NothingLost;

/// <summary>
/// Notices a shift boundary that has passed (<see cref="ShiftOptions.BoundariesBetween"/>) and produces its handover
/// report once. Run every minute by <see cref="NothingLostJob"/>; after downtime only the latest boundary gets a
/// report (a snapshot of an earlier one can no longer be taken).
/// </summary>
public sealed class ProduceHandover(CareDeskDbContext db, IOptions<ShiftOptions> shifts, TimeProvider clock)
{
    internal const int MaxLines = 500;
    internal const int OldestPerOwner = 10;

    /// <summary>The report produced now, or null when the latest boundary already has one.</summary>
    public async Task<HandoverReport?> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var boundaries = shifts.Value.BoundariesBetween(now.AddDays(-2), now.AddDays(2)).ToList();
        var ended = boundaries.LastOrDefault(b => b <= now);
        if (ended == default || await db.HandoverReports.AnyAsync(h => h.ShiftEndedAt == ended, cancellationToken))
        {
            return null;
        }

        var started = boundaries.LastOrDefault(b => b < ended);
        var next = boundaries.First(b => b > ended);
        var report = new HandoverReport
        {
            ShiftStartedAt = started == default ? ended.AddHours(-12) : started,
            ShiftEndedAt = ended,
            NextShiftEndsAt = next,
            ProducedAt = now,
            Content = JsonSerializer.Serialize(await SnapshotAsync(next, cancellationToken), HandoverSnapshot.Json),
        };
        db.HandoverReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node produced it at the same moment: the unique boundary let one through.
            if (await ExistsAsync(ended))
            {
                return null;
            }

            throw;
        }

        return report;
    }

    private async Task<bool> ExistsAsync(DateTimeOffset ended)
    {
        db.ChangeTracker.Clear();
        return await db.HandoverReports.AnyAsync(h => h.ShiftEndedAt == ended, CancellationToken.None);
    }

    private async Task<HandoverSnapshot> SnapshotAsync(DateTimeOffset nextShiftEndsAt, CancellationToken cancellationToken)
    {
        var open = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed);
        var counts = await open.GroupBy(c => new { c.OwnerUserId, c.OwnerTeamId })
            .Select(g => new { g.Key.OwnerUserId, g.Key.OwnerTeamId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var oldest = await open.OrderBy(c => c.LastActivityAt).Take(MaxLines)
            .Select(c => new { c.Id, c.Number, c.Subject, c.Status, c.LastActivityAt, c.OwnerUserId, c.OwnerTeamId })
            .ToListAsync(cancellationToken);
        var owners = counts.OrderByDescending(c => c.Count).Select(c => new HandoverSnapshot.OwnerLoad(
            c.OwnerUserId, c.OwnerTeamId, c.Count,
            [.. oldest.Where(o => o.OwnerUserId == c.OwnerUserId && o.OwnerTeamId == c.OwnerTeamId).Take(OldestPerOwner)
                .Select(o => new HandoverSnapshot.CaseLine(o.Id, CaseNumbers.Display(o.Number), o.Subject, CaseTerms.Of(o.Status), o.LastActivityAt))])).ToList();

        var callbacks = await db.Callbacks.AsNoTracking()
            .Where(c => (c.Status == CallbackStatus.Pending || c.Status == CallbackStatus.Overdue) && c.DueAt < nextShiftEndsAt)
            .OrderBy(c => c.DueAt).Take(MaxLines)
            .Join(db.Cases, c => c.CaseId, k => k.Id, (c, k) => new { c.Id, c.CaseId, k.Number, c.OwnerUserId, c.DueAt, c.Status })
            .ToListAsync(cancellationToken);
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.Status == EscalationStatus.Alerting || e.Status == EscalationStatus.Acknowledged)
            .OrderBy(e => e.RequestedAt).Take(MaxLines)
            .Join(db.Cases, e => e.CaseId, k => k.Id, (e, k) => new { e.Id, e.CaseId, k.Number, e.AlertedUserId, e.Status, e.AcknowledgeBy, e.ContactBy })
            .ToListAsync(cancellationToken);
        var findings = await db.Findings.AsNoTracking().Where(f => f.ResolvedAt == null).OrderBy(f => f.RaisedAt).Take(MaxLines).ToListAsync(cancellationToken);
        return new HandoverSnapshot(
            owners,
            [.. callbacks.Select(c => new HandoverSnapshot.CallbackLine(c.Id, c.CaseId, CaseNumbers.Display(c.Number), c.OwnerUserId, c.DueAt, CaseTerms.Of(c.Status)))],
            [.. escalations.Select(e => new HandoverSnapshot.EscalationLine(e.Id, e.CaseId, CaseNumbers.Display(e.Number), e.AlertedUserId, CaseTerms.Of(e.Status), e.AcknowledgeBy, e.ContactBy))],
            [.. findings.Select(f => new HandoverSnapshot.FindingLine(f.Id, f.Rule, f.CaseId, f.UserId, f.Detail, f.RaisedAt))]);
    }
}
