using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.NothingLost;

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
