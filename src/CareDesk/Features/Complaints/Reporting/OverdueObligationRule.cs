using CareDesk.Features.NothingLost;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Nothing lost (F14) for reports owed to regulators: an open obligation past its last day is a finding until it is
/// submitted (the due list and every quality user's desk show it too). One range on the <c>(Status, DueAt)</c> index.
/// </summary>
public sealed class OverdueObligationRule(CareDeskDbContext db) : IFindingRule
{
    public string Name => "obligation-overdue";

    public async Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var overdue = await db.Set<RegulatoryObligation>().AsNoTracking()
            .Where(o => o.Status == ObligationStatus.Open && o.DueAt <= now)
            .OrderBy(o => o.DueAt)
            .Take(limit)
            .Select(o => new { o.Id, o.CaseId, o.Market, o.Kind, o.DueAt })
            .ToListAsync(cancellationToken);
        return [.. overdue.Select(o => new Detected(o.Id.ToString(), o.CaseId, null, $"{o.Market} {o.Kind} {o.DueAt:O}"))];
    }
}
