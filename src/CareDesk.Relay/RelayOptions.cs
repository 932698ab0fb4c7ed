using Microsoft.Extensions.Options;

namespace CareDesk.Relay;

/// <summary>Section <c>Relay</c> (environment <c>Relay__…</c>): where events come in, where they are kept, where they go.</summary>
public sealed class RelayOptions
{
    public const string Section = "Relay";

    /// <summary>CareDesk's base address, e.g. <c>https://caredesk.example.com</c>; events go to <c>/api/telephony/events</c>.</summary>
    public Uri? CareDeskUrl { get; set; }

    /// <summary>The shared secret CareDesk knows as <c>Telephony:WebhookSecret</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>Where the local input endpoint listens. Unsigned events are taken here, so keep it on loopback.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:5081";

    /// <summary>When set, the input endpoint requires <c>Authorization: Bearer &lt;token&gt;</c> (for an input off loopback).</summary>
    public string? InputToken { get; set; }

    /// <summary>The durable spool: <c>pending/</c> (not yet accepted), <c>dead/</c> (refused as invalid, with the reason), <c>incoming/</c>.</summary>
    public string SpoolDirectory { get; set; } = "/var/lib/caredesk-relay/spool";

    /// <summary>The first retry's delay; it doubles per failed attempt up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A longer <c>Retry-After</c> from CareDesk is shortened to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An attempt that has no answer after this counts as failed and is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls delivered at once (events of one call always go one after another, in order).</summary>
    public int MaxConcurrentDeliveries { get; set; } = 8;

    /// <summary>The webhook address events are posted to (below a path base such as <c>https://host/caredesk/</c> too).</summary>
    public Uri WebhookUrl => new(new Uri(CareDeskUrl!.AbsoluteUri.TrimEnd('/') + "/"), "api/telephony/events");
}

/// <summary>Stops start-up with a message naming the setting, rather than spooling events that can never be sent.</summary>
internal sealed class RelayOptionsValidation : IValidateOptions<RelayOptions>
{
    public ValidateOptionsResult Validate(string? name, RelayOptions options)
    {
        var failures = new List<string>();
        if (options.CareDeskUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Relay:CareDeskUrl must be CareDesk's absolute http(s) address (environment Relay__CareDeskUrl).");
        }

        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add("Relay:Secret must be set to CareDesk's Telephony:WebhookSecret (environment Relay__Secret).");
        }

        if (string.IsNullOrWhiteSpace(options.SpoolDirectory))
        {
            failures.Add("Relay:SpoolDirectory must name a folder the relay may write (environment Relay__SpoolDirectory).");
        }

        if (options.InitialBackoff <= TimeSpan.Zero || options.MaxBackoff < options.InitialBackoff)
        {
            failures.Add("Relay:InitialBackoff must be positive and Relay:MaxBackoff at least as long.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.MaxRetryAfter <= TimeSpan.Zero)
        {
            failures.Add("Relay:RequestTimeout and Relay:MaxRetryAfter must be positive.");
        }

        if (options.MaxConcurrentDeliveries < 1)
        {
            failures.Add("Relay:MaxConcurrentDeliveries must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
