namespace CareDesk.Features.ServiceLevels;

/// <summary>The three service-level clocks a case runs.</summary>
public enum ServiceLevelKind
{
    /// <summary>From opening until someone first answers the customer.</summary>
    FirstResponse,

    /// <summary>From a callback request until the customer is called back.</summary>
    Callback,

    /// <summary>From opening until the problem is solved.</summary>
    Resolution,
}
