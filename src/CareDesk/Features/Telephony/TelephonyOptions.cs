namespace CareDesk.Features.Telephony;

/// <summary>Section <c>Telephony</c>: the phone system's webhook.</summary>
public sealed class TelephonyOptions
{
    public const string Section = "Telephony";

    /// <summary>Used in demo mode when no secret is set; never outside it.</summary>
    public const string DemoWebhookSecret = "demo-telephony-secret";

    /// <summary>The shared secret the phone system signs its events with (HMAC-SHA256).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How far an event's timestamp may be from this node's clock before it is refused as a replay.</summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a processed event id is kept to recognise a repeat. Past the clock-skew window a repeat is refused
    /// for its stale timestamp anyway, so this only needs to outlast that window; older ids are pruned every hour.
    /// </summary>
    public TimeSpan ProcessedEventRetention { get; set; } = TimeSpan.FromDays(7);
}
