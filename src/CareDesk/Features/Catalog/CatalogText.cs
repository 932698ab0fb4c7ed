namespace CareDesk.Features.Catalog;

/// <summary>Marker for the catalog strings in <c>Resources/Features/Catalog/CatalogText*.resx</c>.</summary>
public sealed class CatalogText;
