using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>Who owns a case as the API shows it: <c>kind</c> is <c>user</c> or <c>team</c>.</summary>
public sealed record OwnerView(string Kind, string Id, string Name);

/// <summary>
/// One case in a list (my work, a team's queue, a person's cases). <paramref name="ServiceLevel"/>: <c>on-track</c>,
/// <c>warning</c>, <c>breached</c>, <c>paused</c>, <c>met</c> or <c>none</c>; <paramref name="NextDueAt"/>: the soonest due
/// time of a running clock. Both come from stored columns (docs/service-levels.md). <paramref name="LastActivityAt"/>: the
/// last timeline entry; <paramref name="Version"/>: what a change of the case (a reassignment from the list) sends back.
/// </summary>
public sealed record CaseSummary(
    Guid Id, string Number, Guid PersonId, string PersonName, string Type, string Priority, string Status, string Subject,
    OwnerView Owner, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string ServiceLevel = "none", DateTimeOffset? NextDueAt = null,
    DateTimeOffset? LastActivityAt = null, string? Version = null);

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
            ? new OwnerView("user", userId, users.GetValueOrDefault(userId) ?? userId)
            : new OwnerView("team", teamId ?? "", teams.GetValueOrDefault(teamId ?? "") ?? teamId ?? "");
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
