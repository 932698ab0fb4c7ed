using CareDesk.Platform.Localization;

namespace CareDesk.Features.Catalog;

/// <summary>One display name per model and maker everywhere: the Chinese name for a Chinese reader when there is one, else the English.</summary>
public static class CatalogNames
{
    public static string Of(string nameEn, string? nameZh) =>
        SupportedCultures.IsChinese() && !string.IsNullOrWhiteSpace(nameZh) ? nameZh : nameEn;
}
