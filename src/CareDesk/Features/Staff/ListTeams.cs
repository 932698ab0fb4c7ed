using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Staff;

/// <summary>Teams with their members, names in the reader's language; for handoff pickers and the API.</summary>
public sealed class ListTeams(CareDeskDbContext db)
{
    internal async Task<StaffEndpoints.TeamView[]> RunAsync(CancellationToken cancellationToken)
    {
        var chinese = Platform.Localization.SupportedCultures.IsChinese();
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.IsDepartment).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var members = await db.TeamMembers.AsNoTracking()
            .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. teams.Select(t => new StaffEndpoints.TeamView(
            t.Id, t.LocalName(chinese), t.IsDepartment,
            [.. members.Where(m => m.TeamId == t.Id).OrderBy(m => m.DisplayName, StringComparer.Ordinal).Select(m => new StaffEndpoints.MemberView(m.Id, m.DisplayName))]))];
    }
}
