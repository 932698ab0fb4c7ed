namespace CareDesk.Features.Complaints.Reportability;

/// <summary>
/// Everything the engine needs, and nothing it must fetch: the complaint file stores these and calls the engine; the
/// what-if endpoint builds them from its request. <paramref name="Now"/> only decides each obligation's status.
/// </summary>
public sealed record AssessmentInput(
    IReadOnlyList<MarketProfile> Profiles,
    string? EventCountry,
    string? EuMemberState,
    Awareness Awareness,
    FactSet Facts,
    IReadOnlyList<LaterInformation> Information,
    DateTimeOffset Now);
