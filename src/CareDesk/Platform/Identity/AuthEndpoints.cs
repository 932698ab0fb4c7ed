using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Bearer tokens for API clients, issued by Identity's bearer-token handler (the same mechanism as
/// <c>MapIdentityApi</c>, without its open self-registration: CareDesk accounts are created by admins).
/// </summary>
internal static class AuthEndpoints
{
    public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);

    public sealed record RefreshRequest([property: Required] string RefreshToken);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();

        group.MapPost("/login", LoginAsync)
            .WithSummary("Exchange e-mail and password for a bearer access token and a refresh token.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();

        group.MapPost("/refresh", RefreshAsync)
            .WithSummary("Exchange a refresh token for a new access token.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();

        return app;
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest request,
        SignInManager<User> signInManager,
        IStringLocalizer<SharedResource> text)
    {
        signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signInManager.PasswordSignInAsync(request.Email, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // One answer for unknown account, wrong password, disabled and locked out: nothing to probe.
            return TypedResults.Problem(text["Auth.InvalidSignIn"], statusCode: StatusCodes.Status401Unauthorized);
        }

        // The bearer handler has written the token response.
        return TypedResults.Empty;
    }

    private static async Task<IResult> RefreshAsync(
        RefreshRequest request,
        SignInManager<User> signInManager,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time,
        IStringLocalizer<SharedResource> text)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires
            || time.GetUtcNow() >= expires
            || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || user.IsDisabled)
        {
            return TypedResults.Problem(text["Auth.InvalidRefresh"], statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
