namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// The device concerned: the model from the catalog and the unit from the case's device (or the complaint file's UDI).
/// </summary>
public sealed record ReportDevice(
    string? ModelId,
    string? BrandName,
    string? CommonNameEn,
    string? CommonNameZh,
    string? ModelNumber,
    string? SerialNumber,
    string? LotNumber,
    string? UdiDeviceIdentifier,
    string? UdiText,
    DateOnly? Expiry,
    DateOnly? Manufactured,
    string? Kind,
    string? UsProductCode,
    string? UsClass,
    string? EuRegulation,
    string? EuClass,
    string? CnClass,
    string? CnRegistrationNumber);
