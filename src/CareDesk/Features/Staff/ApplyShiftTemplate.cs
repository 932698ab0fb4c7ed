using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Staff;

/// <summary>
/// The two-shift 24/7 template (F26): for each local day of [from, to] a day shift (from <see cref="ShiftOptions.DayStartsAt"/>
/// to <see cref="ShiftOptions.NightStartsAt"/>) and a night shift (to the next day's start, across midnight), in the
/// zone of <see cref="ShiftOptions"/>. Members take the shifts in turn, in the order given (default: the team's
/// members by name): with two, one works the days and one the nights; with three, each works a day, then a night,
/// then rests. Refused as a whole, naming <c>from</c>, when any new shift would overlap one the member already has.
/// </summary>
public sealed class ApplyShiftTemplate(CareDeskDbContext db, WorkShifts shifts, IOptions<ShiftOptions> options)
{
    public const int LongestRangeDays = 62;

    public sealed record Request(
        [property: Required, MaxLength(64)] string TeamId,
        [property: Required] DateOnly? From,
        [property: Required] DateOnly? To,
        IReadOnlyList<string>? UserIds = null);

    public sealed record Planned(string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    /// <summary>The day and night shift of one local day, as instants.</summary>
    public static IEnumerable<Planned> ShiftsOf(DateOnly day, ShiftOptions settings)
    {
        var zone = settings.Zone;
        DateTimeOffset At(DateOnly date, TimeOnly time)
        {
            var local = date.ToDateTime(time);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        var dayStart = settings.DayStartsAt;
        var nightStart = settings.NightStartsAt;
        yield return new Planned(WorkShiftKinds.Day, At(day, dayStart), At(nightStart > dayStart ? day : day.AddDays(1), nightStart));
        yield return new Planned(WorkShiftKinds.Night, At(day, nightStart), At(dayStart > nightStart ? day : day.AddDays(1), dayStart));
    }

    public async Task<Result<WorkShifts.ShiftView[]>> RunAsync(Request request, CancellationToken cancellationToken)
    {
        var from = request.From!.Value;
        var to = request.To!.Value;
        if (to < from)
        {
            return Failure.Invalid("to", "Shifts.ToBeforeFrom");
        }

        if (to.DayNumber - from.DayNumber >= LongestRangeDays)
        {
            return Failure.Invalid("to", "Shifts.RangeTooLong", LongestRangeDays);
        }

        if (!await db.Teams.AnyAsync(t => t.Id == request.TeamId, cancellationToken))
        {
            return Failure.Invalid("teamId", "Roster.TeamNotFound");
        }

        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == request.TeamId)
            .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        List<string> rotation;
        if (request.UserIds is { Count: > 0 } chosen)
        {
            for (var i = 0; i < chosen.Count; i++)
            {
                if (!members.Any(m => m.Id == chosen[i]))
                {
                    return Failure.Invalid($"userIds[{i}]", "Shifts.NotMember");
                }
            }

            rotation = [.. chosen.Distinct()];
        }
        else
        {
            rotation = [.. members.OrderBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.Id)];
        }

        if (rotation.Count == 0)
        {
            return Failure.Invalid("userIds", "Shifts.NoMembers");
        }

        var settings = options.Value;
        var planned = new List<WorkShift>();
        var slot = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var shift in ShiftsOf(day, settings))
            {
                planned.Add(new WorkShift
                {
                    UserId = rotation[slot++ % rotation.Count],
                    TeamId = request.TeamId,
                    StartsAt = shift.StartsAt,
                    EndsAt = shift.EndsAt,
                    Kind = shift.Kind,
                });
            }
        }

        // One read of the members' shifts around the range, then the check in memory.
        var first = planned[0].StartsAt - WhoIsOnShift.LongestShift;
        var last = planned[^1].EndsAt;
        var existing = await db.WorkShifts.AsNoTracking()
            .Where(s => rotation.Contains(s.UserId) && s.StartsAt > first && s.StartsAt < last)
            .ToListAsync(cancellationToken);
        foreach (var shift in planned)
        {
            if (existing.FirstOrDefault(e => e.UserId == shift.UserId && e.StartsAt < shift.EndsAt && e.EndsAt > shift.StartsAt) is { } clash)
            {
                var name = members.First(m => m.Id == shift.UserId).DisplayName;
                var localDay = TimeZoneInfo.ConvertTime(clash.StartsAt, settings.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
                return Failure.Invalid("from", "Shifts.TemplateOverlaps", name, localDay);
            }
        }

        db.WorkShifts.AddRange(planned);
        await db.SaveChangesAsync(cancellationToken);
        return await shifts.ViewsAsync(planned, cancellationToken);
    }
}
