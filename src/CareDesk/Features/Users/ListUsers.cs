using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Users;

/// <summary>All staff accounts with their roles, optionally filtered by name or e-mail.</summary>
public sealed class ListUsers(CareDeskDbContext db)
{
    public async Task<IReadOnlyList<UserView>> RunAsync(string? search, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper(); the StringComparison overloads do not translate to SQL.
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
#pragma warning restore CA1862
        }

        var page = await users.OrderBy(u => u.NormalizedEmail).Take(500).ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where ids.Contains(link.UserId)
                           select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. page.Select(u => UserView.From(u, byUser[u.Id]))];
    }
}
