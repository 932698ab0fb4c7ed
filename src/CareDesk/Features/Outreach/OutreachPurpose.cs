namespace CareDesk.Features.Outreach;

/// <summary>
/// Why a person is contacted (F19). The first five are purposes a person consents to or withdraws from; a safety notice
/// and a promised callback need no consent and have their own precedence in the <see cref="ContactGuard"/>.
/// </summary>
public enum OutreachPurpose
{
    ServiceFollowUp,
    Survey,
    Marketing,
    Research,

    /// <summary>Processing health data, where the law asks for a separate consent (PIPL art. 28–29).</summary>
    HealthData,

    /// <summary>A recall or field safety notice: a legal basis, never consent; goes out despite opt-outs.</summary>
    SafetyNotice,

    /// <summary>A callback the person asked for on a case.</summary>
    PromisedCallback,
}
