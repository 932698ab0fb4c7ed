namespace CareDesk.Features.Devices;

public sealed record WarrantyTerms(DateOnly? End, string? Reason);
