using System.Text.Json;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Bench.Imports;

/// <summary>
/// What a distributor writes in the model column, from the reference catalog the product ships
/// (src/CareDesk/Features/Catalog/Seed/diabetes-devices.json, the same file as shared/data/catalog): the Chinese or
/// English name, an alias, a model number, or only the brand and the kind of device ("罗氏血糖仪"), which the import
/// records as a device that needs identification.
/// </summary>
internal sealed class DeviceModels
{
    // How often each maker's devices show up in a mainland distributor's customer list (domestic meters dominate).
    private static readonly Dictionary<string, double> MakerShare = new(StringComparer.Ordinal)
    {
        ["sinocare"] = 30,
        ["roche"] = 20,
        ["yuwell"] = 12,
        ["abbott"] = 10,
        ["lifescan"] = 8,
        ["microtech"] = 6,
        ["ascensia"] = 5,
        ["medtronic"] = 3,
        ["yicheng"] = 3,
        ["dexcom"] = 2,
        ["trividia"] = 1,
        ["insulet"] = 0.5,
        ["tandem"] = 0.5,
    };

    private static readonly Dictionary<string, string> DeviceWord = new(StringComparer.Ordinal)
    {
        ["bg_meter"] = "血糖仪",
        ["cgm_sensor"] = "动态血糖仪",
        ["cgm_reader"] = "扫描仪",
        ["insulin_pump"] = "胰岛素泵",
    };

    private readonly Product[] _products;
    private readonly double _total;

    private DeviceModels(Product[] products)
    {
        _products = products;
        _total = products.Sum(p => p.Weight);
    }

    private sealed record Product(string Maker, string Category, string[] Writings, string[] BrandWords, string SerialPrefix, double Weight);

    public static DeviceModels FromCatalog()
    {
        using var stream = typeof(DistributorFileReader).Assembly.GetManifestResourceStream("CareDesk.Features.Catalog.Seed.diabetes-devices.json")
            ?? throw new InvalidOperationException("The reference catalog is not embedded in CareDesk.dll.");
        using var catalog = JsonDocument.Parse(stream);
        var brandWords = catalog.RootElement.GetProperty("makers").EnumerateArray().ToDictionary(
            m => m.GetProperty("id").GetString()!,
            m => m.GetProperty("caller_names").EnumerateArray().Select(n => n.GetString()!).Where(IsChinese).ToArray(),
            StringComparer.Ordinal);

        var products = new List<Product>();
        foreach (var product in catalog.RootElement.GetProperty("products").EnumerateArray())
        {
            var category = product.GetProperty("category").GetString()!;
            var maker = product.GetProperty("maker").GetString()!;
            if (!DeviceWord.ContainsKey(category) || !MakerShare.TryGetValue(maker, out var share))
            {
                continue;
            }

            var writings = new List<string>();
            Add(writings, product, "name_zh");
            Add(writings, product, "name_en");
            writings.AddRange(Strings(product, "aliases"));
            writings.AddRange(Strings(product, "model_numbers"));
            // Uncertain aliases are names sellers use too; the catalog keeps them in aliases, so they are written as well.
            var words = brandWords.GetValueOrDefault(maker) ?? [];
            var prefix = maker[..2].ToUpperInvariant();
            products.Add(new Product(maker, category, [.. writings.Distinct(StringComparer.Ordinal)], [.. words.Select(w => w + DeviceWord[category])], prefix, share));
        }

        // The share is the maker's: spread it over its products.
        var perMaker = products.GroupBy(p => p.Maker).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new DeviceModels([.. products.Select(p => p with { Weight = p.Weight / perMaker[p.Maker] })]);
    }

    /// <summary>The model cell and a serial number for one device sold.</summary>
    public (string Model, string Serial) Pick(Random random)
    {
        var product = _products[^1];
        var target = random.NextDouble() * _total;
        foreach (var candidate in _products)
        {
            target -= candidate.Weight;
            if (target < 0)
            {
                product = candidate;
                break;
            }
        }

        var model = product.BrandWords.Length > 0 && random.Next(100) < 8
            ? product.BrandWords[random.Next(product.BrandWords.Length)]
            : product.Writings[random.Next(product.Writings.Length)];
        var serial = product.SerialPrefix + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (model, serial);
    }

    private static void Add(List<string> writings, JsonElement product, string property)
    {
        if (product.GetProperty(property).GetString() is { Length: > 0 } value)
        {
            writings.Add(value);
        }
    }

    private static IEnumerable<string> Strings(JsonElement product, string property) =>
        product.GetProperty(property).EnumerateArray().Select(v => v.GetString()!).Where(v => v.Length > 0);

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
