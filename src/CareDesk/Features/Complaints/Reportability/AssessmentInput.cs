namespace CareDesk.Features.Complaints.Reportability;

public enum Market
{
    US,
    EU,
    CN,
}

/// <summary>
/// What the product is in one market (F17 regulatory profile). Null means not known: the engine then assesses as
/// if sold there, and marks its obligations provisional.
/// </summary>
public sealed record MarketProfile(
    Market Market,
    bool? Sold,
    bool? Ivd = null,
    string? Regulation = null,
    string? DeviceClass = null,
    string? ProductCode = null,
    bool? InnovativeFirstCycle = null);

/// <summary>When and where someone acting for the maker received the information (the contact's start).</summary>
public sealed record Awareness(DateTimeOffset At, TimeZoneInfo TimeZone);

/// <summary>Information received after the first awareness: its own receipt time starts any new clock.</summary>
public sealed record LaterInformation(DateTimeOffset ReceivedAt, FactSet Facts);

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
