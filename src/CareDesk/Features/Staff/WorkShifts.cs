using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Staff;

/// <summary>Work shifts (F26): list a period, add or change one shift, remove one. One user's shifts never overlap.</summary>
public sealed class WorkShifts(CareDeskDbContext db)
{
    public sealed record ShiftInput(
        [property: Required, MaxLength(450)] string UserId,
        [property: Required, MaxLength(64)] string TeamId,
        [property: Required] DateTimeOffset? StartsAt,
        [property: Required] DateTimeOffset? EndsAt,
        string? Version = null);

    public sealed record ShiftView(Guid Id, string UserId, string UserName, string TeamId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Kind, string Version);

    /// <summary>Shifts overlapping [from, to), of one team and/or one user when given, in start order (at most 2,000).</summary>
    public async Task<ShiftView[]> ListAsync(DateTimeOffset from, DateTimeOffset to, string? teamId, string? userId, CancellationToken cancellationToken)
    {
        (from, to) = (from.ToUniversalTime(), to.ToUniversalTime());
        var earliest = from - WhoIsOnShift.LongestShift;
        var shifts = await db.WorkShifts.AsNoTracking()
            .Where(s => s.StartsAt > earliest && s.StartsAt < to && s.EndsAt > from)
            .Where(s => (teamId == null || s.TeamId == teamId) && (userId == null || s.UserId == userId))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.TeamId).Take(2000)
            .ToListAsync(cancellationToken);
        return await ViewsAsync(shifts, cancellationToken);
    }

    internal async Task<ShiftView[]> ViewsAsync(IReadOnlyList<WorkShift> shifts, CancellationToken cancellationToken)
    {
        var ids = shifts.Select(s => s.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. shifts.Select(s => new ShiftView(s.Id, s.UserId, names.GetValueOrDefault(s.UserId) ?? s.UserId, s.TeamId, s.StartsAt, s.EndsAt, s.Kind, s.Version.ToString()))];
    }

    /// <summary>Adds a shift, or changes shift <paramref name="id"/> (send the version read: 409 if it changed).</summary>
    public async Task<Result<ShiftView>> SaveAsync(Guid? id, ShiftInput input, CancellationToken cancellationToken)
    {
        var startsAt = input.StartsAt!.Value.ToUniversalTime();
        var endsAt = input.EndsAt!.Value.ToUniversalTime();
        if (endsAt <= startsAt)
        {
            return Failure.Invalid("endsAt", "Roster.EndBeforeStart");
        }

        if (endsAt - startsAt > WhoIsOnShift.LongestShift)
        {
            return Failure.Invalid("endsAt", "Shifts.TooLong");
        }

        if (!await db.Teams.AnyAsync(t => t.Id == input.TeamId, cancellationToken))
        {
            return Failure.Invalid("teamId", "Roster.TeamNotFound");
        }

        if (!await db.Users.AnyAsync(u => u.Id == input.UserId && !u.IsDisabled, cancellationToken))
        {
            return Failure.Invalid("userId", "Roster.UserNotFound");
        }

        if (!await db.TeamMembers.AnyAsync(m => m.TeamId == input.TeamId && m.UserId == input.UserId, cancellationToken))
        {
            return Failure.Invalid("userId", "Shifts.NotMember");
        }

        if (await OverlapsAsync(input.UserId, id, startsAt, endsAt, cancellationToken))
        {
            return Failure.Invalid("startsAt", "Shifts.Overlaps");
        }

        WorkShift shift;
        if (id is { } existing)
        {
            if (await db.WorkShifts.SingleOrDefaultAsync(s => s.Id == existing, cancellationToken) is not { } found)
            {
                return Failure.NotFound("Shifts.NotFound");
            }

            if (input.Version is null || !Guid.TryParse(input.Version, out var read) || read != found.Version)
            {
                return Failure.Conflict("Shifts.Conflict");
            }

            shift = found;
            shift.Version = Guid.NewGuid();
            if (shift.StartsAt != startsAt || shift.EndsAt != endsAt)
            {
                shift.Kind = WorkShiftKinds.Custom;
            }
        }
        else
        {
            shift = new WorkShift { UserId = input.UserId, TeamId = input.TeamId };
            db.WorkShifts.Add(shift);
        }

        shift.UserId = input.UserId;
        shift.TeamId = input.TeamId;
        shift.StartsAt = startsAt;
        shift.EndsAt = endsAt;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Shifts.Conflict");
        }

        return (await ViewsAsync([shift], cancellationToken))[0];
    }

    public async Task<Result<Guid>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.WorkShifts.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } found)
        {
            return Failure.NotFound("Shifts.NotFound");
        }

        db.WorkShifts.Remove(found);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>Whether <paramref name="userId"/> has a shift (other than <paramref name="except"/>) overlapping [startsAt, endsAt).</summary>
    internal Task<bool> OverlapsAsync(string userId, Guid? except, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        (startsAt, endsAt) = (startsAt.ToUniversalTime(), endsAt.ToUniversalTime());
        var earliest = startsAt - WhoIsOnShift.LongestShift;
        return db.WorkShifts.AnyAsync(
            s => s.UserId == userId && s.Id != except && s.StartsAt > earliest && s.StartsAt < endsAt && s.EndsAt > startsAt, cancellationToken);
    }
}
