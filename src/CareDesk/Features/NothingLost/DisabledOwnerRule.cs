using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.NothingLost;

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
