namespace CareDesk.Features.Complaints.Reportability;

/// <summary>The engine's decision, in the wire shape of F17 (<c>POST /api/regulatory/assess</c>).</summary>
public sealed record Assessment(bool IsComplaint, IReadOnlyList<MarketAssessment> Markets);
