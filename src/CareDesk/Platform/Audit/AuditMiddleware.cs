using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform.Audit;

internal static class AuditMiddleware
{
    /// <summary>After authentication: every request scope knows its actor and request id.</summary>
    public static IApplicationBuilder UseAuditContext(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var audit = context.RequestServices.GetRequiredService<AuditContext>();
            audit.SetUser(context.User);
            audit.RequestId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            await next(context);
        });
}

/// <summary>
/// Blazor circuits have no HttpContext after the first request: the circuit's user is copied into its
/// scope's <see cref="AuditContext"/> whenever it changes.
/// </summary>
internal sealed class AuditCircuitHandler(AuthenticationStateProvider authentication, AuditContext audit)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        audit.RequestId = $"circuit:{circuit.Id}";
        await UpdateAsync(authentication.GetAuthenticationStateAsync());
    }

    private void OnChanged(Task<AuthenticationState> task) => _ = UpdateAsync(task);

    private async Task UpdateAsync(Task<AuthenticationState> task) => audit.SetUser((await task).User);

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
