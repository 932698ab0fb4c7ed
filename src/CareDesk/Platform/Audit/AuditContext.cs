using System.Diagnostics;
using System.Security.Claims;

namespace CareDesk.Platform.Audit;

/// <summary>
/// Who is acting in the current scope (request, Blazor circuit or background job), and why.
/// Set once per scope by the middleware, the circuit handler or the worker; read by the audit trail.
/// </summary>
public sealed class AuditContext
{
    public string ActorId { get; private set; } = "system:unknown";

    public string? ActorName { get; private set; }

    public string? RequestId { get; set; }

    /// <summary>Why the current change is made; a use case sets it when the user gave one.</summary>
    public string? Reason { get; set; }

    public void SetUser(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            ActorId = "anonymous";
            ActorName = null;
            return;
        }

        ActorId = id;
        ActorName = user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.Email);
    }

    public void SetSystem(string component)
    {
        ActorId = $"system:{component}";
        ActorName = null;
        RequestId ??= Activity.Current?.TraceId.ToString();
    }

    /// <summary>Carries the actor into a new scope (a short-lived operation started from a Blazor circuit).</summary>
    public void CopyTo(AuditContext other)
    {
        other.ActorId = ActorId;
        other.ActorName = ActorName;
        other.RequestId = RequestId;
        other.Reason = Reason;
    }
}
