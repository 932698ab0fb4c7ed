using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>Turns owner ids into names in the reader's language, one query per kind for a whole list.</summary>
public sealed class OwnerNames(CareDeskDbContext db)
{
    public async Task<Func<string?, string?, OwnerView>> LoadAsync(IEnumerable<(string? UserId, string? TeamId)> owners, CancellationToken cancellationToken)
    {
        var list = owners.ToList();
        var userIds = list.Select(o => o.UserId).OfType<string>().Distinct().ToList();
        var teamIds = list.Select(o => o.TeamId).OfType<string>().Distinct().ToList();
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var chinese = Platform.Localization.SupportedCultures.IsChinese();
        var teams = teamIds.Count == 0 ? [] : await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.LocalName(chinese), cancellationToken);
        return (userId, teamId) => userId is not null
            ? new OwnerView(OwnerView.UserKind, userId, users.GetValueOrDefault(userId) ?? userId)
            : new OwnerView(OwnerView.TeamKind, teamId ?? "", teams.GetValueOrDefault(teamId ?? "") ?? teamId ?? "");
    }

    /// <summary>Reads back a stored <see cref="CaseOwner.ToString"/> ("user:…" / "team:…").</summary>
    public static (string? UserId, string? TeamId) Parse(string? stored) => stored switch
    {
        null => (null, null),
        _ when stored.StartsWith("user:", StringComparison.Ordinal) => (stored[5..], null),
        _ when stored.StartsWith("team:", StringComparison.Ordinal) => (null, stored[5..]),
        _ => (null, null),
    };
}
