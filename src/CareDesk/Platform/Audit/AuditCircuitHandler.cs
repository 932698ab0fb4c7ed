using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CareDesk.Platform.Audit;

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
