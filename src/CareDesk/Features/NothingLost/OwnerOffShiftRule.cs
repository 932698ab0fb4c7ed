using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.NothingLost;

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
