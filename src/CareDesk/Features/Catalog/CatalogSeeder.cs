using System.Text.Json;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Catalog;

/// <summary>
/// Loads the shipped reference catalog (embedded <c>Seed/diabetes-devices.json</c>) on every start, demo or not.
/// Only what is missing is inserted, by id: a maker or model an admin edited stays as edited, and a link an admin
/// removed stays removed (its <see cref="ModelLinkTombstone"/> is passed over), so a second start adds nothing.
/// </summary>
internal sealed class CatalogSeeder(CareDeskDbContext db, TimeProvider time, ILogger<CatalogSeeder> logger) : IDataSeeder
{
    // Manufacturers and models first: devices and the demo's people refer to them.
    public int Order => 10;

    internal const string ResourceName = "CareDesk.Features.Catalog.Seed.diabetes-devices.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var seed = await LoadAsync(cancellationToken);
        var makerIds = (await db.Manufacturers.Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        var modelIds = (await db.ProductModels.Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        var linkKeys = (await db.ModelLinks.Select(l => new { l.FromModelId, l.ToModelId, l.Kind }).ToListAsync(cancellationToken))
            .Select(l => (l.FromModelId, l.ToModelId, l.Kind)).ToHashSet();
        var removedKeys = await db.ModelLinkTombstones.Select(t => new { t.FromModelId, t.ToModelId, t.Kind }).ToListAsync(cancellationToken);
        linkKeys.UnionWith(removedKeys.Select(t => (t.FromModelId, t.ToModelId, t.Kind)));

        var makers = seed.Makers.Where(m => !makerIds.Contains(m.Id)).Select(ToManufacturer).ToList();
        var models = seed.Products.Where(p => !modelIds.Contains(p.Id)).Select(ToModel).ToList();
        var links = seed.Products.SelectMany(ToLinks).Where(l => !linkKeys.Contains((l.FromModelId, l.ToModelId, l.Kind))).ToList();

        // A model gets its first regulatory profile from the seed once; a profile quality has saved is never touched.
        var profiled = (await db.RegulatoryProfiles.Select(e => e.ModelId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var profiles = seed.Products.Where(p => !profiled.Contains(p.Id) && (modelIds.Contains(p.Id) || models.Any(m => m.Id == p.Id)))
            .SelectMany(p => RegulatoryProfileSeed.For(p, time.GetUtcNow())).ToList();
        if (makers.Count + models.Count + links.Count + profiles.Count == 0)
        {
            return;
        }

        db.Manufacturers.AddRange(makers);
        db.ProductModels.AddRange(models);
        db.ModelLinks.AddRange(links);
        db.RegulatoryProfiles.AddRange(profiles);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Catalog seed (schema {Schema}): added {Makers} manufacturer(s), {Models} model(s), {Links} link(s), {Profiles} regulatory profile row(s)",
            seed.SchemaVersion, makers.Count, models.Count, links.Count, profiles.Count);
    }

    internal static async Task<SeedFile> LoadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(CatalogSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded catalog {ResourceName} is missing.");
        return await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, cancellationToken)
            ?? throw new InvalidOperationException("The embedded catalog is empty.");
    }

    private static Manufacturer ToManufacturer(SeedMaker m) => new()
    {
        Id = m.Id,
        NameEn = m.NameEn,
        NameZh = m.NameZh,
        Country = m.Country,
        Brands = m.Brands ?? [],
        CallerNames = m.CallerNames ?? [],
        ParentId = m.Parent,
        Notes = m.Notes,
    };

    private static ProductModel ToModel(SeedProduct p) => new()
    {
        Id = p.Id,
        ManufacturerId = p.Maker,
        Brand = p.Brand,
        Category = p.Category,
        Subtype = p.Subtype,
        NameEn = p.NameEn,
        NameZh = p.NameZh,
        ModelNumbers = p.ModelNumbers ?? [],
        Aliases = p.Aliases ?? [],
        UncertainAliases = p.UncertainAliases ?? [],
        PrintedText = p.PrintedText ?? [],
        VisualCues = p.VisualCues ?? [],
        Coding = p.Coding,
        Markets = p.Markets ?? [],
        Status = p.Status,
        UdiDi = p.UdiDi,
        WarrantyMonths = p.Warranty?.Months,
        WarrantyScope = p.Warranty?.Scope,
        RegulatoryKind = p.Regulatory?.Kind switch
        {
            "IVD" => Catalog.RegulatoryKind.Ivd,
            "device" => Catalog.RegulatoryKind.Device,
            "software" => Catalog.RegulatoryKind.Software,
            _ => null,
        },
        Disambiguation = p.Disambiguation,
        Confidence = p.Confidence,
        Notes = p.Notes,
    };

    private static IEnumerable<ModelLink> ToLinks(SeedProduct p)
    {
        foreach (var target in p.Fits ?? [])
        {
            yield return new ModelLink
            {
                FromModelId = p.Id,
                ToModelId = target,
                Kind = ModelLinkKind.Fits,
                Condition = p.FitsConditions?.GetValueOrDefault(target) is { } condition ? DescribeCondition(condition) : null,
            };
        }

        var uncertain = (p.WorksWithUncertain ?? []).ToHashSet();
        foreach (var target in p.WorksWith ?? [])
        {
            yield return new ModelLink { FromModelId = p.Id, ToModelId = target, Kind = ModelLinkKind.WorksWith, Uncertain = uncertain.Contains(target) };
        }

        foreach (var negative in p.NotCompatibleWith ?? [])
        {
            yield return new ModelLink
            {
                FromModelId = p.Id,
                ToModelId = negative.Id,
                Kind = ModelLinkKind.NotCompatible,
                Reason = negative.Why,
                Uncertain = negative.Uncertain,
            };
        }
    }

    // The seed's {"model_numbers": [...]} / {"except_markets": [...]} becomes text an agent reads out.
    private static string DescribeCondition(SeedCondition condition)
    {
        var parts = new List<string>();
        if (condition.ModelNumbers is { Count: > 0 } numbers)
        {
            parts.Add("model numbers: " + string.Join(", ", numbers));
        }

        if (condition.ExceptMarkets is { Count: > 0 } markets)
        {
            parts.Add("not as sold in: " + string.Join(", ", markets));
        }

        return string.Join("; ", parts);
    }

    internal sealed record SeedFile(int SchemaVersion, List<string> Categories, List<SeedMaker> Makers, List<SeedProduct> Products);

    internal sealed record SeedMaker(
        string Id, string NameEn, string? NameZh, string? Country, List<string>? Brands, List<string>? CallerNames, string? Parent, string? Notes);

    internal sealed record SeedWarranty(int? Months, string? Scope);

    internal sealed record SeedRegulatory(string? Kind, string? Us, string? Eu, string? Cn);

    internal sealed record SeedCondition(List<string>? ModelNumbers, List<string>? ExceptMarkets);

    internal sealed record SeedNegative(string Id, string? Why, bool Uncertain);

    internal sealed record SeedProduct(
        string Id,
        string Maker,
        string? Brand,
        string Category,
        string? Subtype,
        string NameEn,
        string? NameZh,
        List<string>? ModelNumbers,
        List<string>? Aliases,
        List<string>? UncertainAliases,
        List<string>? PrintedText,
        List<string>? VisualCues,
        string? Coding,
        List<string>? Markets,
        string? Status,
        SeedWarranty? Warranty,
        SeedRegulatory? Regulatory,
        string? UdiDi,
        List<string>? Fits,
        Dictionary<string, SeedCondition>? FitsConditions,
        List<string>? WorksWith,
        List<string>? WorksWithUncertain,
        List<SeedNegative>? NotCompatibleWith,
        string? Disambiguation,
        string? Confidence,
        string? Notes);
}
