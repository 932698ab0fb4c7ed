using System.Security.Claims;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Who acts: a field rep with no other role sees only own customers; a supervisor (or admin) oversees every team's
/// queue, member or not.
/// </summary>
public sealed record StaffActor(string UserId, bool OwnCustomersOnly, bool Supervises = false)
{
    public static StaffActor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.IsInRole(Roles.FieldRep) && !Roles.All.Any(role => role != Roles.FieldRep && user.IsInRole(role)),
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin));

    public bool MaySee(string? assignedFieldRepId) => !OwnCustomersOnly || assignedFieldRepId == UserId;
}
