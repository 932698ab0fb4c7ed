using CareDesk.Platform.Api;

namespace CareDesk.Features.Outreach;

/// <summary>The API's words for outreach (kebab-case): which of them a request may send.</summary>
public static class OutreachTerms
{
    /// <summary>The purposes a person consents to; a safety notice and a promised callback need no consent.</summary>
    public static readonly IReadOnlyDictionary<string, OutreachPurpose> ConsentPurposes = KebabCase.Terms<OutreachPurpose>()
        .Where(p => p.Value is not (OutreachPurpose.SafetyNotice or OutreachPurpose.PromisedCallback))
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The purposes a campaign may have: recalls carry safety notices; health data is consented to, not a reason to call.</summary>
    public static readonly IReadOnlyDictionary<string, OutreachPurpose> CampaignPurposes = KebabCase.Terms<OutreachPurpose>()
        .Where(p => p.Value is OutreachPurpose.ServiceFollowUp or OutreachPurpose.Survey or OutreachPurpose.Marketing or OutreachPurpose.Research)
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, OutreachChannel> Channels = KebabCase.Terms<OutreachChannel>();

    public static readonly IReadOnlyDictionary<string, ConsentMethod> Methods = KebabCase.Terms<ConsentMethod>();

    /// <summary>What an agent may record; withdrawn and expired are the system's.</summary>
    public static readonly IReadOnlyDictionary<string, OutreachOutcome> Outcomes = KebabCase.Terms<OutreachOutcome>()
        .Where(o => o.Value is not (OutreachOutcome.Withdrawn or OutreachOutcome.Expired))
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, AnswerType> AnswerTypes = KebabCase.Terms<AnswerType>();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => KebabCase.Of(value);
}
