using System.Text.RegularExpressions;

namespace CareDesk.Features.Catalog;

/// <summary>
/// Turns the reference catalog's free-text regulatory notes into the first revision of a model's profile, only as far
/// as public facts allow; anything not stated stays unknown. FDA product codes are set for the classification
/// regulations whose code is public and unambiguous (docs/regulatory.md, "Seeded profiles").
/// </summary>
internal static partial class RegulatoryProfileSeed
{
    // 21 CFR section → FDA product code (FDA Product Classification database).
    private static readonly Dictionary<string, string> ProductCodes = new(StringComparer.Ordinal)
    {
        ["862.1345"] = "NBW", // glucose test system, over the counter (meters and strips for home use)
        ["862.1355"] = "QBJ", // integrated continuous glucose monitoring system (iCGM)
        ["880.5730"] = "QFG", // alternate controller enabled insulin pump (ACE)
        ["880.5725"] = "LZG", // insulin infusion pump
        ["878.4850"] = "FMK", // blood lancet
    };

    public static IEnumerable<RegulatoryProfileEntry> For(CatalogSeeder.SeedProduct product, DateTimeOffset now)
    {
        var markets = product.Markets ?? [];
        bool? Sold(string market) => markets.Contains(market) || markets.Contains("Global") ? true : null;
        var ivd = product.Regulatory?.Kind == "IVD" ? true : product.Regulatory?.Kind is "device" or "software" ? false : (bool?)null;
        var us = product.Regulatory?.Us;
        var eu = product.Regulatory?.Eu;
        var cn = product.Regulatory?.Cn;

        RegulatoryProfileEntry Entry(string market) => new()
        {
            ModelId = product.Id,
            Revision = 1,
            Version = SeedVersion(product.Id),
            Market = market,
            Sold = Sold(market),
            Ivd = ivd,
            SavedAt = now,
        };

        var usEntry = Entry("US");
        usEntry.DeviceClass = us is not null && UsClass().Match(us) is { Success: true } m ? m.Groups[1].Value : null;
        usEntry.ProductCode = us is not null && CfrSection().Match(us) is { Success: true } s && usEntry.DeviceClass is not null
            ? ProductCodes.GetValueOrDefault(s.Groups[1].Value)
            : null;

        var euEntry = Entry("EU");
        if (eu is not null && EuClass().Match(eu) is { Success: true } e)
        {
            euEntry.Regulation = e.Groups[1].Value;
            euEntry.DeviceClass = e.Groups[2].Value;
        }

        var cnEntry = Entry("CN");
        cnEntry.DeviceClass = cn is not null && CnClass().Match(cn) is { Success: true } c ? c.Groups[1].Value : null;
        return [usEntry, euEntry, cnEntry];
    }

    // The seed's version is derived from the model id, so every database starts from the same revision 1.
    private static Guid SeedVersion(string modelId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("regulatory-seed:" + modelId)).AsSpan(0, 16));

    [GeneratedRegex(@"^Class (I{1,3})\b")]
    private static partial Regex UsClass();

    [GeneratedRegex(@"21 CFR (\d{3}\.\d{4})")]
    private static partial Regex CfrSection();

    [GeneratedRegex(@"\b(MDR|IVDR) Class (IIa|IIb|III|I|A|B|C|D)\)?(?:\s|$|\))")]
    private static partial Regex EuClass();

    [GeneratedRegex(@"^Class (I{1,3})\b")]
    private static partial Regex CnClass();
}
