using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People;

/// <summary>
/// A person is assigned only to an active user holding the field-rep role: field reps read just their own people,
/// so an assignment to anyone else would hide the person from every field rep and mean nothing to the assignee.
/// </summary>
internal static class FieldRepAssignment
{
    public static async Task<Failure?> CheckAsync(CareDeskDbContext db, string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }

        var id = userId.Trim();
        var isFieldRep = await (from link in db.UserRoles
                                join role in db.Roles on link.RoleId equals role.Id
                                join user in db.Users on link.UserId equals user.Id
                                where link.UserId == id && role.Name == Roles.FieldRep && !user.IsDisabled
                                select link.UserId)
            .AnyAsync(cancellationToken);
        return isFieldRep ? null : Failure.Invalid("assignedFieldRepId", "Person.FieldRepInvalid");
    }
}
