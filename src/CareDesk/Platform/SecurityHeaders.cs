using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform;

/// <summary>
/// Headers every response carries for browsers: no MIME sniffing, no framing (clickjacking), no referrer to other
/// sites (our addresses carry person ids and searched numbers), and a Content-Security-Policy that lets Blazor Server
/// and MudBlazor run while refusing injected scripts: scripts only from this site or with the per-request nonce (the
/// inline import map), styles inline allowed (MudBlazor's theme and components set them), the circuit's WebSocket to
/// this site only. Kestrel names no server.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "caredesk:csp-nonce";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);

    /// <summary>The nonce an inline script of this response must carry (App.razor's import map).</summary>
    public static string CspNonce(this HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Hex: nothing in it is HTML-encoded when written into the page, so the attribute matches the header byte for byte.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;

            // Set as the response starts, so error pages and re-executed status pages carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context, nonce);
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static string ContentSecurityPolicy(HttpContext context, string nonce)
    {
        // The API reference page (Scalar) configures itself with an inline script it writes; it shows no person's data.
        var scripts = context.Request.Path.StartsWithSegments("/api/reference", StringComparison.OrdinalIgnoreCase)
            ? "'self' 'unsafe-inline'"
            : $"'self' 'nonce-{nonce}'";

        // Recordings play from this site or, redirected, from the phone system's recording link.
        return "default-src 'self'; "
            + $"script-src {scripts}; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "media-src 'self' https:; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'";
    }
}
