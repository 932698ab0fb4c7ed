namespace CareDesk.Features.Devices;

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
