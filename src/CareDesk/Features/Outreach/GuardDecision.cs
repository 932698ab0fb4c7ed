namespace CareDesk.Features.Outreach;

/// <summary>
/// The guard's answer: allowed, or refused by one rule until a time (null: until something changes, such as a new
/// consent). <see cref="Basis"/> says on what a contact that passed is made: consent, or a legal obligation.
/// </summary>
public sealed record GuardDecision(GuardRule? Rule, DateTimeOffset? Until, string Basis)
{
    public const string Consent = "consent";
    public const string LegalObligation = "legal-obligation";
    public const string PersonsRequest = "persons-request";

    public bool Allowed => Rule is null;

    /// <summary>Refused for good (until the person changes their mind), not just for now.</summary>
    public bool Permanent => Rule is GuardRule.DoNotContact or GuardRule.NoConsent;

    public static GuardDecision Allow(string basis) => new(null, null, basis);

    public static GuardDecision Refuse(GuardRule rule, DateTimeOffset? until) => new(rule, until, "");
}
