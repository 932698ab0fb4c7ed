using CareDesk.Features.People;

namespace CareDesk.Features.Devices;

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
        ["check"] = DeviceEventKind.Check,
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
