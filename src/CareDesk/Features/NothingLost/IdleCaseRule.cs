using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.NothingLost;

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
