using System.Security.Claims;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Refresh tokens are used once: each refresh marks the presented token used and issues the next of its family; a
/// used (or revoked) token presented again revokes the whole family, so a stolen token dies with the one it was
/// copied from. The token's id and family travel as claims inside the protected token.
/// </summary>
internal sealed class RefreshTokenRotation(CareDeskDbContext db, TimeProvider time, IOptionsMonitor<BearerTokenOptions> bearer)
{
    public const string TokenIdClaim = "caredesk:refresh-id";
    public const string FamilyClaim = "caredesk:refresh-family";

    /// <summary>Records the next token of <paramref name="family"/> (a new family when null) and puts its id on the principal.</summary>
    public async Task IssueAsync(ClaimsPrincipal principal, string userId, Guid? family, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = new IssuedRefreshToken
        {
            Id = Guid.NewGuid(),
            FamilyId = family ?? Guid.NewGuid(),
            UserId = userId,
            IssuedAt = now,
            ExpiresAt = now + bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration,
        };
        var identity = principal.Identities.First();
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString()));
        identity.AddClaim(new Claim(FamilyClaim, token.FamilyId.ToString()));

        if (family is null)
        {
            // A new sign-in tidies the user's expired tokens; nothing else ever reads them.
            await db.IssuedRefreshTokens.Where(t => t.UserId == userId && t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        }

        db.IssuedRefreshTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Uses the token <paramref name="refresh"/> names; its family when it may, else null (and the family is revoked).</summary>
    public async Task<Guid?> UseAsync(ClaimsPrincipal refresh, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(refresh.FindFirst(TokenIdClaim)?.Value, out var id)
            || !Guid.TryParse(refresh.FindFirst(FamilyClaim)?.Value, out var family))
        {
            return null;
        }

        var now = time.GetUtcNow();

        // One conditional update: of two concurrent uses of one token exactly one wins.
        var used = await db.IssuedRefreshTokens
            .Where(t => t.Id == id && t.FamilyId == family && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (used == 1)
        {
            return family;
        }

        await db.IssuedRefreshTokens
            .Where(t => t.FamilyId == family && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        return null;
    }
}
