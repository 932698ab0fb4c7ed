using System.Security.Claims;
using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>Adds the user's language and time zone to their claims, so every request knows them without a query.</summary>
internal sealed class CareDeskClaimsPrincipalFactory(
    UserManager<User> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole>(users, roles, options)
{
    public const string LanguageClaim = "caredesk:language";
    public const string TimeZoneClaim = "caredesk:time-zone";
    public const string DisplayNameClaim = "caredesk:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LanguageClaim, SupportedCultures.Normalize(user.Language)));
        identity.AddClaim(new Claim(TimeZoneClaim, user.TimeZone));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
