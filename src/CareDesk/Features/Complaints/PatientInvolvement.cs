namespace CareDesk.Features.Complaints;

/// <summary>Whether a patient was involved in the event (F16).</summary>
public enum PatientInvolvement
{
    Unknown,
    NotInvolved,
    Involved,
}
