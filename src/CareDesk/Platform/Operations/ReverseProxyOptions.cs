using System.Net;

namespace CareDesk.Platform.Operations;

/// <summary>
/// Section <c>ReverseProxy</c>: the proxies (nginx, a load balancer) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> this node believes, so the client's address (per-client sign-in limits, logs) and scheme
/// (Secure cookies) are the browser's, not the proxy's. Headers from anyone else are ignored: a client talking to a node
/// directly cannot pose as another address.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>IP addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/24</c>); none: no forwarded header is believed.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    internal static bool IsAddressOrNetwork(string value) =>
        IPAddress.TryParse(value, out _) || IPNetwork.TryParse(value, out _);
}
