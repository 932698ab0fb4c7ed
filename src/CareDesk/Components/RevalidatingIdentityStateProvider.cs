using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Components;

/// <summary>
/// Re-checks an open circuit's user every few seconds against the same (active, security stamp) check every request
/// makes: a disabled or re-roled user's open desktop signs out instead of acting with the old roles.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IOptions<IdentityOptions> options,
    UserStatusCache status)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(10);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrentAsync(authenticationState, cancellationToken);

    internal async Task<bool> IsCurrentAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var claims = options.Value.ClaimsIdentity;
        return principal.FindFirst(claims.UserIdClaimType)?.Value is { } userId
            && await status.IsCurrentAsync(userId, principal.FindFirst(claims.SecurityStampClaimType)?.Value, cancellationToken);
    }
}
