using CareDesk.Platform.Identity;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Telephony;

/// <summary>Demo mode gets a known secret; anywhere else an empty secret stops start-up.</summary>
internal sealed class TelephonyOptionsSetup(IOptions<DemoOptions> demo) : IPostConfigureOptions<TelephonyOptions>, IValidateOptions<TelephonyOptions>
{
    public void PostConfigure(string? name, TelephonyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookSecret) && demo.Value.Enabled)
        {
            options.WebhookSecret = TelephonyOptions.DemoWebhookSecret;
        }
    }

    public ValidateOptionsResult Validate(string? name, TelephonyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            return ValidateOptionsResult.Fail(
                $"{TelephonyOptions.Section}:{nameof(TelephonyOptions.WebhookSecret)} must be set (environment Telephony__WebhookSecret): the phone system signs its events with it.");
        }

        if (options.AllowedClockSkew <= TimeSpan.Zero || options.AllowedClockSkew > TimeSpan.FromHours(1))
        {
            return ValidateOptionsResult.Fail($"{TelephonyOptions.Section}:{nameof(TelephonyOptions.AllowedClockSkew)} must be between 0 and 1 hour.");
        }

        // An event received at r carries a timestamp within r ± skew, and its signature is accepted until that
        // timestamp + skew: up to r + 2 × skew. Its id must be remembered at least that long.
        if (options.ProcessedEventRetention <= options.AllowedClockSkew * 2)
        {
            return ValidateOptionsResult.Fail(
                $"{TelephonyOptions.Section}:{nameof(TelephonyOptions.ProcessedEventRetention)} must be longer than twice {nameof(TelephonyOptions.AllowedClockSkew)}.");
        }

        return ValidateOptionsResult.Success;
    }
}
