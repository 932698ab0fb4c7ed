namespace CareDesk.Features.Complaints.Reportability;

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
