namespace CareDesk.Features.Complaints.Reporting;

public enum ObligationStatus
{
    /// <summary>Owed (or, <see cref="RegulatoryObligation.Provisional"/>, owed unless the open facts rule it out).</summary>
    Open,

    /// <summary>Sent to the regulator, with its reference number.</summary>
    Submitted,

    /// <summary>A later decision no longer owes it; kept, never deleted.</summary>
    Withdrawn,
}
