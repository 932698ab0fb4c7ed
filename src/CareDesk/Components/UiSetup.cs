using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CareDesk.Components;

internal static class UiSetup
{
    public static IServiceCollection AddCareDeskUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, MudBlazorTexts>();
        services.AddScoped<UserClock>();
        return services;
    }

    public static IEndpointRouteBuilder MapCareDeskUi(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>()
            // No per-message deflate on the circuit's WebSocket: each compressed connection keeps its own zlib state
            // (~0.4–0.5 MB of native memory per open desk, measured with bench/desks: docs/benchmarks.md), while render
            // batches are small and desks sit on the care center's own network. CSP frame-ancestors is ours anyway.
            .AddInteractiveServerRenderMode(server => server.DisableWebSocketCompression = true)
            .Add(endpoint =>
            {
                // Pages state their own policy with [Authorize] or [AllowAnonymous] (a test checks each one). Blazor's
                // own endpoints (the circuit hub, opaque redirects) state none; they serve signed-in staff only.
                if (!endpoint.Metadata.OfType<ComponentTypeMetadata>().Any()
                    && !endpoint.Metadata.OfType<IAuthorizeData>().Any()
                    && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
                {
                    endpoint.Metadata.Add(new AuthorizeAttribute(Policies.Staff));
                }
            });
        return app;
    }
}
