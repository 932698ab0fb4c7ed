namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>An answer to a clinical red-flag question, as the caller gave it.</summary>
public enum RedFlagAnswerValue
{
    Yes,
    No,
    Unknown,
}
