namespace CareDesk.Features.Outreach;

/// <summary>The rule of the contact-fatigue guard (F19, F22) that refused a contact.</summary>
public enum GuardRule
{
    DoNotContact,
    NoConsent,

    /// <summary>Another agent holds the person (one outbound contact at a time).</summary>
    Claimed,
    Cooldown,
    WeeklyCap,
    MonthlyCap,
    QuietHours,
    PreferredHours,

    /// <summary>Outside the campaign's best time of day.</summary>
    BestTime,
}
