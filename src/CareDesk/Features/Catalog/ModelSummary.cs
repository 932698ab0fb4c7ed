namespace CareDesk.Features.Catalog;

public sealed record ModelSummary(
    string Id,
    string ManufacturerId,
    string? Brand,
    string Category,
    string NameEn,
    string? NameZh,
    IReadOnlyList<string> ModelNumbers,
    IReadOnlyList<string> Aliases,
    int? WarrantyMonths,
    string? Status,
    Guid Version)
{
    public static ModelSummary From(ProductModel m) =>
        new(m.Id, m.ManufacturerId, m.Brand, m.Category, m.NameEn, m.NameZh, m.ModelNumbers, m.Aliases, m.WarrantyMonths, m.Status, m.Version);
}
