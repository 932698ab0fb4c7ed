using CareDesk.Platform.Identity;

namespace CareDesk.Features.Users;

/// <summary>A staff account as admins see it. <see cref="Version"/> must be sent back with changes.</summary>
public sealed record UserView(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string Language,
    string TimeZone,
    bool Disabled,
    string Version)
{
    public static UserView From(User user, IEnumerable<string> roles) => new(
        user.Id,
        user.Email ?? "",
        user.DisplayName,
        [.. roles.Order(StringComparer.Ordinal)],
        user.Language,
        user.TimeZone,
        user.IsDisabled,
        user.ConcurrencyStamp ?? "");
}
