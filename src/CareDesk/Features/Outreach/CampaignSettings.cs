using CareDesk.Platform.Api;

namespace CareDesk.Features.Outreach;

/// <summary>How a campaign or follow-up rule tries: the checks both are made with, each failure naming its field.</summary>
internal static class CampaignSettings
{
    public static Failure? Check(string? channel, int? maxAttempts, int? retryMinutes, TimeOnly? bestFrom, TimeOnly? bestTo, DateTimeOffset? startsAt, DateTimeOffset? endsAt)
    {
        if (!OutreachTerms.Channels.ContainsKey(channel?.Trim() ?? ""))
        {
            return Failure.Invalid("channel", "Consent.ChannelInvalid", string.Join(", ", OutreachTerms.Channels.Keys));
        }

        if (maxAttempts is < 1 or > 20)
        {
            return Failure.Invalid("maxAttempts", "Campaign.MaxAttemptsRange");
        }

        if (retryMinutes is < 5 or > 43_200)
        {
            return Failure.Invalid("retryMinutes", "Campaign.RetryRange");
        }

        if ((bestFrom is null) != (bestTo is null) || (bestFrom is { } from && from == bestTo))
        {
            return Failure.Invalid("bestTo", "Campaign.BestTimeInvalid");
        }

        if (startsAt is { } starts && endsAt is { } ends && ends <= starts)
        {
            return Failure.Invalid("endsAt", "Campaign.EndsBeforeStart");
        }

        return null;
    }
}
