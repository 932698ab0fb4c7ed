using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Staff;

/// <summary>The on-call roster (F26): supervisors plan shifts; escalations ask who is on duty at a moment.</summary>
public sealed class Roster(CareDeskDbContext db)
{
    public sealed record ShiftInput(
        [property: Required, MaxLength(64)] string TeamId,
        [property: Required] DateTimeOffset? StartsAt,
        [property: Required] DateTimeOffset? EndsAt,
        [property: Required, MaxLength(450)] string PrimaryUserId,
        IReadOnlyList<string>? BackupUserIds = null,
        string? Version = null);

    public sealed record ShiftView(Guid Id, string TeamId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Person> Chain, string Version);

    public sealed record Person(string UserId, string Name);

    public static readonly TimeSpan LongestShift = TimeSpan.FromDays(7);

    /// <summary>Whom to alert for <paramref name="teamId"/> at <paramref name="at"/>, in order; empty when nobody is on call.</summary>
    public async Task<IReadOnlyList<string>> ChainAtAsync(string teamId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        at = at.ToUniversalTime();
        var shift = await db.OnCallShifts.AsNoTracking()
            .Where(s => s.TeamId == teamId && s.StartsAt <= at && s.EndsAt > at)
            .OrderByDescending(s => s.StartsAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (shift is null)
        {
            return [];
        }

        var chain = shift.Chain.ToList();
        var enabled = await db.Users.AsNoTracking().Where(u => chain.Contains(u.Id) && !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken);
        return [.. chain.Where(enabled.Contains)];
    }

    public async Task<ShiftView[]> ListAsync(DateTimeOffset from, DateTimeOffset to, string? teamId, CancellationToken cancellationToken)
    {
        (from, to) = (from.ToUniversalTime(), to.ToUniversalTime());
        var shifts = await db.OnCallShifts.AsNoTracking()
            .Where(s => s.EndsAt > from && s.StartsAt < to && (teamId == null || s.TeamId == teamId))
            .OrderBy(s => s.StartsAt).Take(500)
            .ToListAsync(cancellationToken);
        var ids = shifts.SelectMany(s => s.Chain).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. shifts.Select(s => new ShiftView(s.Id, s.TeamId, s.StartsAt, s.EndsAt,
            [.. s.Chain.Select(id => new Person(id, names.GetValueOrDefault(id) ?? id))], s.Version.ToString()))];
    }

    /// <summary>Adds a shift, or changes shift <paramref name="id"/> (send the version read: 409 if it changed).</summary>
    public async Task<Result<Guid>> SaveAsync(Guid? id, ShiftInput input, CancellationToken cancellationToken)
    {
        // Stored in UTC: SQLite compares instants correctly only within one offset.
        var startsAt = input.StartsAt!.Value.ToUniversalTime();
        var endsAt = input.EndsAt!.Value.ToUniversalTime();
        if (endsAt <= startsAt)
        {
            return Failure.Invalid("endsAt", "Roster.EndBeforeStart");
        }

        if (endsAt - startsAt > LongestShift)
        {
            return Failure.Invalid("endsAt", "Roster.TooLong");
        }

        if (!await db.Teams.AnyAsync(t => t.Id == input.TeamId, cancellationToken))
        {
            return Failure.Invalid("teamId", "Roster.TeamNotFound");
        }

        var backups = (input.BackupUserIds ?? []).Where(b => !string.IsNullOrWhiteSpace(b)).ToList();
        string[] everyone = [input.PrimaryUserId, .. backups];
        var known = await db.Users.AsNoTracking().Where(u => everyone.Contains(u.Id) && !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken);
        if (!known.Contains(input.PrimaryUserId))
        {
            return Failure.Invalid("primaryUserId", "Roster.UserNotFound");
        }

        if (backups.FirstOrDefault(b => !known.Contains(b)) is not null)
        {
            return Failure.Invalid("backupUserIds", "Roster.UserNotFound");
        }

        var overlapping = await db.OnCallShifts.AnyAsync(
            s => s.TeamId == input.TeamId && s.Id != id && s.StartsAt < endsAt && s.EndsAt > startsAt, cancellationToken);
        if (overlapping)
        {
            return Failure.Invalid("startsAt", "Roster.Overlaps");
        }

        OnCallShift shift;
        if (id is { } existing)
        {
            if (await db.OnCallShifts.SingleOrDefaultAsync(s => s.Id == existing, cancellationToken) is not { } found)
            {
                return Failure.NotFound("Roster.NotFound");
            }

            if (input.Version is null || !Guid.TryParse(input.Version, out var read) || read != found.Version)
            {
                return Failure.Conflict("Roster.Conflict");
            }

            shift = found;
            shift.Version = Guid.NewGuid();
        }
        else
        {
            shift = new OnCallShift { TeamId = input.TeamId, PrimaryUserId = input.PrimaryUserId };
            db.OnCallShifts.Add(shift);
        }

        shift.TeamId = input.TeamId;
        shift.StartsAt = startsAt;
        shift.EndsAt = endsAt;
        shift.PrimaryUserId = input.PrimaryUserId;
        shift.BackupUserIds = backups;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Roster.Conflict");
        }

        return shift.Id;
    }

    public async Task<Result<Guid>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.OnCallShifts.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } found)
        {
            return Failure.NotFound("Roster.NotFound");
        }

        db.OnCallShifts.Remove(found);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
