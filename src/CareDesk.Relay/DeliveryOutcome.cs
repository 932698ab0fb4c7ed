namespace CareDesk.Relay;

/// <summary>What one attempt to hand an event to CareDesk came to.</summary>
public abstract record DeliveryOutcome
{
    /// <summary>2xx: CareDesk has it (a repeated event id is also 2xx, with <c>duplicate: true</c>).</summary>
    public sealed record Accepted : DeliveryOutcome;

    /// <summary>CareDesk says the event itself is wrong: sending it again cannot help.</summary>
    public sealed record Refused(string Reason) : DeliveryOutcome;

    /// <summary>CareDesk is down, busy or unreachable, or refuses the signature: try again later.</summary>
    public sealed record Retry(string Reason, TimeSpan? RetryAfter) : DeliveryOutcome;
}
