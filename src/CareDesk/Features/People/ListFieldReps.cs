using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>
/// The field reps a person can be assigned to (active users holding the field-rep role), by name. Agents need the
/// list to assign one; the users administration is for admins only, so this is its own small query.
/// </summary>
public sealed class ListFieldReps(CareDeskDbContext db)
{
    public sealed record FieldRep(string Id, string Name);

    public async Task<IReadOnlyList<FieldRep>> RunAsync(CancellationToken cancellationToken) =>
        await (from link in db.UserRoles
               join role in db.Roles on link.RoleId equals role.Id
               join user in db.Users on link.UserId equals user.Id
               where role.Name == Roles.FieldRep && !user.IsDisabled
               orderby user.DisplayName
               select new FieldRep(user.Id, user.DisplayName))
            .ToListAsync(cancellationToken);
}
