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
/// <c>MapIdentityApi</c>, without its open self-registration: CareDesk accounts are created by admins). Both endpoints
/// are throttled per client (<see cref="SignInRateLimiting"/>); sign-in also per account and client
/// (<see cref="SignInThrottle"/>); refresh tokens are used once (<see cref="RefreshTokenRotation"/>).
/// </summary>
internal static class AuthEndpoints
{
    public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);

    public sealed record RefreshRequest([property: Required] string RefreshToken);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(SignInRateLimiting.Policy);

        group.MapPost("/login", LoginAsync)
            .WithSummary("Exchange e-mail and password for a bearer access token and a refresh token.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();

        group.MapPost("/refresh", RefreshAsync)
            .WithSummary("Exchange a refresh token for a new access token and a new refresh token; each refresh token works once.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem();

        return app;
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest request,
        HttpContext context,
        CareDeskSignInManager signInManager,
        SignInThrottle throttle,
        RefreshTokenRotation refreshTokens,
        IStringLocalizer<SharedResource> text,
        CancellationToken cancellationToken)
    {
        if (throttle.RetryAfter(request.Email, context) is { } wait)
        {
            return SignInRateLimiting.TooManyAttempts(context, text, wait);
        }

        if (await signInManager.CheckCredentialsAsync(request.Email, request.Password) is not { } user)
        {
            throttle.RecordFailure(request.Email, context);

            // One answer for unknown account, wrong password, disabled and locked out: nothing to probe.
            return TypedResults.Problem(text["Auth.InvalidSignIn"], statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        await refreshTokens.IssueAsync(principal, user.Id, family: null, cancellationToken);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> RefreshAsync(
        RefreshRequest request,
        SignInManager<User> signInManager,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        RefreshTokenRotation refreshTokens,
        TimeProvider time,
        IStringLocalizer<SharedResource> text,
        CancellationToken cancellationToken)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires
            || time.GetUtcNow() >= expires
            || await refreshTokens.UseAsync(ticket.Principal, cancellationToken) is not { } family
            || await signInManager.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || user.IsDisabled)
        {
            return TypedResults.Problem(text["Auth.InvalidRefresh"], statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        await refreshTokens.IssueAsync(principal, user.Id, family, cancellationToken);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
