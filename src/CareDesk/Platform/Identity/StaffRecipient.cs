using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Identity;

/// <summary>
/// A member of staff a notice goes to (an escalation, an obligation, a trend alert): how to reach them and in which
/// language and time zone to write.
/// </summary>
public sealed record StaffRecipient(
    string Id, string? Email, string DisplayName, string? PhoneNumber, string? PhoneExtension, string Language, string TimeZone)
{
    /// <summary>The recipient as the paging webhook's payload names them.</summary>
    public object Pager => new { userId = Id, email = Email, name = DisplayName, phone = PhoneNumber, extension = PhoneExtension, language = Language };

    /// <summary>The ids of the enabled users in <paramref name="role"/>.</summary>
    public static Task<List<string>> InRoleAsync(CareDeskDbContext db, string role, CancellationToken cancellationToken) =>
        (from user in db.Users
         join link in db.UserRoles on user.Id equals link.UserId
         join r in db.Roles on link.RoleId equals r.Id
         where r.Name == role && !user.IsDisabled
         select user.Id).Distinct().ToListAsync(cancellationToken);

    /// <summary>The users <paramref name="userIds"/> names, as recipients.</summary>
    public static Task<List<StaffRecipient>> LoadAsync(CareDeskDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new StaffRecipient(u.Id, u.Email, u.DisplayName, u.PhoneNumber, u.PhoneExtension, u.Language, u.TimeZone))
            .ToListAsync(cancellationToken);
}
