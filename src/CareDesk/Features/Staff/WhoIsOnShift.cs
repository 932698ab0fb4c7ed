using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Staff;

/// <summary>
/// Answers "who is on shift now" and "is this user on shift at T" from the work shifts (F26), for presence, the
/// staff list and other features (the nothing-lost detector flags owners off shift with open cases).
/// </summary>
/// <remarks>
/// Cheap by construction: a work shift lasts at most <see cref="LongestShift"/>, so the shifts running at T are among
/// those that started in (T − 24 h, T] — one range seek on the <c>work_shifts.StartsAt</c> index (or on
/// <c>(UserId, StartsAt)</c> for one user), never a scan of the history. A detector sweeping many cases should call
/// <see cref="UsersOnShiftAsync"/> once per sweep and test owners against the returned set in memory.
/// </remarks>
public sealed class WhoIsOnShift(CareDeskDbContext db)
{
    public static readonly TimeSpan LongestShift = TimeSpan.FromHours(24);

    // SQLite stores instants as binary-encoded local ticks plus offset: only instants in one offset compare
    // correctly, so every instant is stored and queried in UTC.

    /// <summary>The ids of the users working a shift at <paramref name="at"/> (of <paramref name="teamId"/> when given).</summary>
    public async Task<IReadOnlySet<string>> UsersOnShiftAsync(DateTimeOffset at, string? teamId, CancellationToken cancellationToken)
    {
        at = at.ToUniversalTime();
        var earliest = at - LongestShift;
        var users = await db.WorkShifts.AsNoTracking()
            .Where(s => s.StartsAt > earliest && s.StartsAt <= at && s.EndsAt > at && (teamId == null || s.TeamId == teamId))
            .Select(s => s.UserId)
            .ToListAsync(cancellationToken);
        return users.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> IsOnShiftAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await CurrentShiftAsync(userId, at, cancellationToken) is not null;

    /// <summary>The shift <paramref name="userId"/> works at <paramref name="at"/>, if any.</summary>
    public Task<WorkShift?> CurrentShiftAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        at = at.ToUniversalTime();
        var earliest = at - LongestShift;
        return db.WorkShifts.AsNoTracking()
            .Where(s => s.UserId == userId && s.StartsAt > earliest && s.StartsAt <= at && s.EndsAt > at)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every shift running at <paramref name="at"/>, by user.</summary>
    public async Task<Dictionary<string, WorkShift>> CurrentShiftsAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        at = at.ToUniversalTime();
        var earliest = at - LongestShift;
        var shifts = await db.WorkShifts.AsNoTracking()
            .Where(s => s.StartsAt > earliest && s.StartsAt <= at && s.EndsAt > at)
            .ToListAsync(cancellationToken);
        return shifts.GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>
    /// When each user's last shift ended before <paramref name="at"/> (looking back <see cref="PresenceRule.Lookback"/>):
    /// a presence chosen before that moment no longer counts.
    /// </summary>
    public async Task<Dictionary<string, DateTimeOffset>> LastShiftEndsAsync(IReadOnlyCollection<string>? userIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        at = at.ToUniversalTime();
        var earliest = at - PresenceRule.Lookback;
        var ends = await db.WorkShifts.AsNoTracking()
            .Where(s => s.StartsAt > earliest && s.EndsAt <= at && (userIds == null || userIds.Contains(s.UserId)))
            .Select(s => new { s.UserId, s.EndsAt })
            .ToListAsync(cancellationToken);
        return ends.GroupBy(e => e.UserId).ToDictionary(g => g.Key, g => g.Max(e => e.EndsAt), StringComparer.Ordinal);
    }
}
