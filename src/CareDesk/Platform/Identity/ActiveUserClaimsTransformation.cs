using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace CareDesk.Platform.Identity;

/// <summary>Turns the principal of a disabled or deleted user into an anonymous one, for every scheme.</summary>
internal sealed class ActiveUserClaimsTransformation(UserStatusCache status) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || await status.IsActiveAsync(id, CancellationToken.None))
        {
            return principal;
        }

        return new ClaimsPrincipal(new ClaimsIdentity());
    }
}
