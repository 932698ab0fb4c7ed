namespace CareDesk.Features.Outreach;

/// <summary>What a questionnaire question takes (F21).</summary>
public enum AnswerType
{
    Choice,
    Number,
    Text,
    YesNo,

    /// <summary>Yes or no to a consent, read out in its versioned wording: the answer is written to the consent ledger.</summary>
    Consent,
}
