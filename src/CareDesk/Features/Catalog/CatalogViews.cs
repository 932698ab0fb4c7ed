namespace CareDesk.Features.Catalog;

/// <summary>The categories of the shipped catalog; a model's category must be one of them.</summary>
public static class CatalogCategories
{
    public static readonly IReadOnlyList<string> All =
    [
        "bg_meter", "test_strip", "control_solution", "lancet", "lancing_device", "cgm_sensor", "cgm_transmitter",
        "cgm_reader", "insulin_pump", "pump_controller", "pump_reservoir", "infusion_set", "app",
    ];
}

public sealed record ManufacturerView(string Id, string NameEn, string? NameZh, string? Country, IReadOnlyList<string> Brands, IReadOnlyList<string> CallerNames, string? ParentId)
{
    public static ManufacturerView From(Manufacturer m) => new(m.Id, m.NameEn, m.NameZh, m.Country, m.Brands, m.CallerNames, m.ParentId);
}

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

/// <summary>One compatibility fact as seen from the model being read.</summary>
public sealed record LinkView(string ModelId, string NameEn, string? NameZh, string Category, bool Uncertain, string? Condition, string? Reason);

public sealed record ModelDetail(
    string Id,
    string ManufacturerId,
    string? Brand,
    string Category,
    string? Subtype,
    string NameEn,
    string? NameZh,
    IReadOnlyList<string> ModelNumbers,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> UncertainAliases,
    IReadOnlyList<string> PrintedText,
    IReadOnlyList<string> VisualCues,
    string? Coding,
    IReadOnlyList<string> Markets,
    string? Status,
    string? UdiDi,
    int? WarrantyMonths,
    string? WarrantyScope,
    string? RegulatoryKind,
    RegulatoryProfile Regulatory,
    string? Disambiguation,
    string? Confidence,
    string? Notes,
    IReadOnlyList<LinkView> Fits,
    IReadOnlyList<LinkView> FittedBy,
    IReadOnlyList<LinkView> WorksWith,
    IReadOnlyList<LinkView> NotCompatibleWith,
    Guid Version);
