namespace CareDesk.Features.Complaints.Reportability;

/// <summary>An answer to a guided fact. <c>Suspected</c> is allowed for <c>malfunction</c> only.</summary>
public enum FactValue
{
    Unknown,
    Yes,
    No,
    Suspected,
}
