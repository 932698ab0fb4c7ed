using System.Text.Encodings.Web;
using CareDesk.Platform.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>
/// The one scheme every policy names. It picks the credential — the bearer token when the request carries one, else
/// the sign-in cookie, which the API accepts only for reads of endpoints marked <see cref="SignInCookieReads"/>
/// (a cross-site form post must not act with the cookie) — and then accepts the principal only while its user is
/// active with the security stamp it was issued with, so a role change or disabling takes effect on the next request.
/// </summary>
internal sealed class StaffAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserStatusCache status,
    IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (CredentialScheme(Context) is not { } scheme)
        {
            return AuthenticateResult.NoResult();
        }

        var inner = await Context.AuthenticateAsync(scheme);
        if (!inner.Succeeded)
        {
            return inner;
        }

        var claims = identity.Value.ClaimsIdentity;
        var userId = inner.Principal.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = inner.Principal.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (userId is null || !await status.IsCurrentAsync(userId, stamp, Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The account was disabled or changed after this sign-in.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(inner.Principal, inner.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(ResponseScheme(Context), properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(ResponseScheme(Context), properties);

    private static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static string? CredentialScheme(HttpContext context)
    {
        if (HasBearer(context))
        {
            return IdentityConstants.BearerScheme;
        }

        if (!context.IsApiRequest())
        {
            return IdentityConstants.ApplicationScheme;
        }

        // Reads cannot change anything, and a cross-site page cannot read the answer: an <audio> tag may play a recording.
        var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        return read && context.GetEndpoint()?.Metadata.GetMetadata<SignInCookieReads>() is not null
            ? IdentityConstants.ApplicationScheme
            : null;
    }

    // The cookie answers the UI with a redirect to sign-in and the API with a bare status (IdentitySetup).
    private static string ResponseScheme(HttpContext context) =>
        HasBearer(context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
}
