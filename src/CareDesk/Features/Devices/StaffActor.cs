using System.Security.Claims;
using CareDesk.Platform.Identity;

namespace CareDesk.Features.Devices;

/// <summary>Who acts, as far as device access is concerned: a field rep with no other role sees only own customers.</summary>
public sealed record StaffActor(string UserId, bool OwnCustomersOnly)
{
    public static StaffActor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.IsInRole(Roles.FieldRep) && !Roles.All.Any(role => role != Roles.FieldRep && user.IsInRole(role)));

    public bool MaySee(string? assignedFieldRepId) => !OwnCustomersOnly || assignedFieldRepId == UserId;
}
