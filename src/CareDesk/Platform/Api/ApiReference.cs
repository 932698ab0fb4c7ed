using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;

namespace CareDesk.Platform.Api;

/// <summary>
/// The API reference page (Scalar) at <c>/api/reference</c>, for signed-in staff. It works on a desk without internet and
/// sends nothing elsewhere: its script comes from this host, and every feature that would reach Scalar's servers is
/// off — web fonts, telemetry, the AI agent, the MCP button, and the request proxy, through which "Test Request" would
/// otherwise send the request (with its bearer token) to Scalar's proxy.
/// </summary>
internal static class ApiReference
{
    public const string Path = "/api/reference";

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, options =>
            {
                options.DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .HideDeveloperTools();
                // Empty, not unset: unset means Scalar's public proxy in a browser.
                options.ProxyUrl = "";
            })
            .RequireAuthorization(Policies.Staff)
            .AllowSignInCookieForReads();
}
