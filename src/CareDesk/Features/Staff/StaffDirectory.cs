using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Staff;

/// <summary>The staff list (F26): every enabled user with their teams, skills, presence and current work shift.</summary>
public sealed class StaffDirectory(CareDeskDbContext db, WhoIsOnShift onShift, TimeProvider clock)
{
    public sealed record StaffMember(
        string UserId, string Name, IReadOnlyList<string> Roles, IReadOnlyList<TeamRef> Teams, SkillsView Skills, string Presence, CurrentShift? Shift);

    public sealed record TeamRef(string Id, string Name);

    /// <summary>A user's skills; <see cref="Version"/> is null while none are recorded (send null to record the first).</summary>
    public sealed record SkillsView(IReadOnlyList<string> Languages, IReadOnlyList<string> Products, int? Tier, string? Version);

    public sealed record CurrentShift(Guid Id, string TeamId, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public async Task<StaffMember[]> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var chinese = Platform.Localization.SupportedCultures.IsChinese();
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var teams = await db.TeamMembers.AsNoTracking().Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => new { m.UserId, Team = t })
            .ToListAsync(cancellationToken);
        var skills = await db.StaffSkills.AsNoTracking().ToDictionaryAsync(s => s.UserId, cancellationToken);
        var chosen = await db.StaffPresence.AsNoTracking().ToDictionaryAsync(p => p.UserId, cancellationToken);
        var current = await onShift.CurrentShiftsAsync(now, cancellationToken);
        var ended = await onShift.LastShiftEndsAsync(null, now, cancellationToken);
        return [.. users.Select(u =>
        {
            var shift = current.GetValueOrDefault(u.Id);
            return new StaffMember(
                u.Id,
                u.DisplayName,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)],
                [.. teams.Where(t => t.UserId == u.Id).Select(t => new TeamRef(t.Team.Id, t.Team.LocalName(chinese))).OrderBy(t => t.Id, StringComparer.Ordinal)],
                ToView(skills.GetValueOrDefault(u.Id)),
                PresenceRule.Effective(chosen.GetValueOrDefault(u.Id), shift, ended.TryGetValue(u.Id, out var end) ? end : null),
                shift is null ? null : new CurrentShift(shift.Id, shift.TeamId, shift.Kind, shift.StartsAt, shift.EndsAt));
        })];
    }

    internal static SkillsView ToView(StaffSkills? skills) => skills is null
        ? new SkillsView([], [], null, null)
        : new SkillsView(skills.Languages, skills.Products, skills.Tier, skills.Version.ToString());
}
