using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.NothingLost;

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
