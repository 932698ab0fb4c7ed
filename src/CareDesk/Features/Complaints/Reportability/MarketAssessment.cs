namespace CareDesk.Features.Complaints.Reportability;

/// <summary>
/// One market's decision. <c>Reasons</c> are stable codes (<c>us.death</c>, <c>eu.outside-eea</c>...); the API renders
/// them as <c>Rationale</c> in the caller's language, so the engine holds no user-facing text.
/// </summary>
public sealed record MarketAssessment(
    string Market,
    bool Applicable,
    string Reportable,
    string EventClass,
    string Rationale,
    IReadOnlyList<string> Citations,
    IReadOnlyList<Obligation> Obligations,
    IReadOnlyList<string> Reasons);
