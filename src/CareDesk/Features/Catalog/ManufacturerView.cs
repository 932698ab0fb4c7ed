namespace CareDesk.Features.Catalog;

public sealed record ManufacturerView(string Id, string NameEn, string? NameZh, string? Country, IReadOnlyList<string> Brands, IReadOnlyList<string> CallerNames, string? ParentId)
{
    public static ManufacturerView From(Manufacturer m) => new(m.Id, m.NameEn, m.NameZh, m.Country, m.Brands, m.CallerNames, m.ParentId);
}
