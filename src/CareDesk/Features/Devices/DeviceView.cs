using CareDesk.Features.People;

namespace CareDesk.Features.Devices;

/// <summary>One entry of a device's history; a status change names both statuses (API words), the notes are the agent's.</summary>
public sealed record DeviceEventView(Guid Id, string Kind, DateTimeOffset At, string? Notes, string? RecordedBy, string? FromStatus = null, string? ToStatus = null);

public sealed record DeviceView(
    Guid Id,
    Guid PersonId,
    string ModelId,
    string ModelName,
    string? ModelNameZh,
    string? Category,
    string? SerialNumber,
    string? LotNumber,
    DateOnly? PurchaseDate,
    string? PurchasePlace,
    DateOnly? WarrantyEnd,
    string? WarrantyOverrideReason,
    string WarrantyState,
    string Status,
    string Source,
    string Version,
    IReadOnlyList<DeviceEventView> Events);

/// <summary>The words the API uses for device enums (kebab-case, as in the rest of the API).</summary>
public static class DeviceTerms
{
    public static readonly IReadOnlyDictionary<string, DeviceStatus> Statuses = new Dictionary<string, DeviceStatus>
    {
        ["in-use"] = DeviceStatus.InUse,
        ["replaced"] = DeviceStatus.Replaced,
        ["returned"] = DeviceStatus.Returned,
        ["lost"] = DeviceStatus.Lost,
    };

    public static readonly IReadOnlyDictionary<string, DeviceEventKind> EventKinds = new Dictionary<string, DeviceEventKind>
    {
        ["repair"] = DeviceEventKind.Repair,
        ["replacement"] = DeviceEventKind.Replacement,
        ["return"] = DeviceEventKind.Return,
        ["note"] = DeviceEventKind.Note,
    };

    public static readonly IReadOnlyDictionary<string, FactSource> Sources = new Dictionary<string, FactSource>
    {
        ["distributor"] = FactSource.Distributor,
        ["dealer"] = FactSource.Dealer,
        ["field-rep"] = FactSource.FieldRep,
        ["person"] = FactSource.Person,
        ["agent"] = FactSource.Agent,
        ["import"] = FactSource.Import,
    };

    /// <summary>in-warranty, expired or unknown, on <paramref name="today"/>.</summary>
    public static string WarrantyState(DateOnly? warrantyEnd, DateOnly today) =>
        warrantyEnd is not { } end ? "unknown" : end >= today ? "in-warranty" : "expired";
}
