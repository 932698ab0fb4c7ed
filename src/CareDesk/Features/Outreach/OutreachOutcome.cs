namespace CareDesk.Features.Outreach;

/// <summary>What came of one outreach attempt (F21).</summary>
public enum OutreachOutcome
{
    Reached,
    NoAnswer,
    Busy,
    WrongNumber,
    Refused,
    CallbackRequested,
    DoNotContact,

    /// <summary>Not an agent's answer: the claim was withdrawn (do not contact, consent withdrawn) before the dial.</summary>
    Withdrawn,

    /// <summary>Not an agent's answer: the claim ran out without an outcome (the agent disappeared).</summary>
    Expired,
}
