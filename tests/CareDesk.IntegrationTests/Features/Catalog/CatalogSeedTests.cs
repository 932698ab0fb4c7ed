using System.Net.Http.Json;
using CareDesk.Features.Catalog;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Features.Catalog;

public sealed class CatalogSeedTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task The_shipped_catalog_is_loaded_at_start_with_its_links()
    {
        var seed = await CatalogSeeder.LoadAsync(CancellationToken.None);
        var expectedLinks = seed.Products.Sum(p => (p.Fits?.Count ?? 0) + (p.WorksWith?.Count ?? 0) + (p.NotCompatibleWith?.Count ?? 0));

        var (makers, models, links) = await CountAsync();

        Assert.Equal(2, seed.SchemaVersion);
        Assert.Equal(13, makers);
        Assert.Equal(123, models);
        Assert.Equal(expectedLinks, links);
        var condition = await app.WithDbAsync(db => db.ModelLinks.SingleAsync(l =>
            l.FromModelId == "freestyle-optium-strips" && l.ToModelId == "freestyle-libre-reader" && l.Kind == ModelLinkKind.Fits));
        Assert.Equal("not as sold in: US", condition.Condition);
        var pump = await app.WithDbAsync(db => db.ProductModels.SingleAsync(m => m.Id == "minimed-780g-pump"));
        Assert.Equal(48, pump.WarrantyMonths);
        Assert.Contains("MMT-1885", pump.ModelNumbers);
        Assert.Equal(RegulatoryKind.Device, pump.RegulatoryKind);
    }

    [Fact]
    public async Task A_second_start_adds_nothing_and_keeps_an_admins_edit()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var model = await (await admin.GetAsync("/api/catalog/models/accu-chek-instant-meter")).ReadAsync<ModelDetail>();
        var edited = EditRequest(model) with { NameEn = "Accu-Chek Instant (edited by admin)", WarrantyMonths = 36 };
        await (await admin.PutAsJsonAsync("/api/catalog/models/accu-chek-instant-meter", edited)).ReadAsync<ModelSummary>();
        var before = await CountAsync();

        await using (var restarted = new CareDeskFactory { ExistingDatabase = app.Database })
        {
            await restarted.InitializeAsync();
        }

        Assert.Equal(before, await CountAsync());
        var after = await app.WithDbAsync(db => db.ProductModels.SingleAsync(m => m.Id == "accu-chek-instant-meter"));
        Assert.Equal("Accu-Chek Instant (edited by admin)", after.NameEn);
        Assert.Equal(36, after.WarrantyMonths);
    }

    [Fact]
    public async Task A_seed_link_an_admin_removed_stays_removed_when_the_seeder_runs_again()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var seed = await CatalogSeeder.LoadAsync(CancellationToken.None);
        var pairing = seed.Products.First(p => p.WorksWith is { Count: > 0 });
        var paired = pairing.WorksWith![0];
        Assert.True(await LinkExistsAsync("accu-chek-guide-strips", "accu-chek-guide-meter", ModelLinkKind.Fits));
        Assert.True(await LinkExistsAsync(pairing.Id, paired, ModelLinkKind.WorksWith));

        await (await admin.PutAsJsonAsync("/api/catalog/models/accu-chek-guide-strips/links", new
        {
            remove = new object[] { new { kind = "fits", modelId = "accu-chek-guide-meter" } },
        })).ReadAsync<ModelDetail>();
        // A pairing removed from the other side: both stored directions go, and neither comes back.
        await (await admin.PutAsJsonAsync($"/api/catalog/models/{paired}/links", new
        {
            remove = new object[] { new { kind = "works-with", modelId = pairing.Id } },
        })).ReadAsync<ModelDetail>();
        await SeedAgainAsync();

        Assert.False(await LinkExistsAsync("accu-chek-guide-strips", "accu-chek-guide-meter", ModelLinkKind.Fits));
        Assert.False(await LinkExistsAsync(pairing.Id, paired, ModelLinkKind.WorksWith));
        Assert.False(await LinkExistsAsync(paired, pairing.Id, ModelLinkKind.WorksWith));
        var strips = await (await admin.GetAsync("/api/catalog/models/accu-chek-guide-strips")).ReadAsync<ModelDetail>();
        Assert.DoesNotContain(strips.Fits, l => l.ModelId == "accu-chek-guide-meter");

        // Added again by an admin, it is an ordinary link again: kept, and the seed no longer passes over it.
        await (await admin.PutAsJsonAsync("/api/catalog/models/accu-chek-guide-strips/links", new
        {
            add = new object[] { new { kind = "fits", modelId = "accu-chek-guide-meter" } },
        })).ReadAsync<ModelDetail>();
        await SeedAgainAsync();

        Assert.True(await LinkExistsAsync("accu-chek-guide-strips", "accu-chek-guide-meter", ModelLinkKind.Fits));
        Assert.False(await app.WithDbAsync(db => db.ModelLinkTombstones.AnyAsync(t =>
            t.FromModelId == "accu-chek-guide-strips" && t.ToModelId == "accu-chek-guide-meter" && t.Kind == ModelLinkKind.Fits)));
    }

    [Fact]
    public async Task A_regulatory_profile_quality_saved_is_never_replaced_by_the_seed()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        const string url = "/api/catalog/models/contour-plus-elite-meter/regulatory";
        var seeded = await (await quality.GetAsync(url)).ReadAsync<RegulatoryProfile>();
        var saved = await (await quality.PutAsJsonAsync(url, seeded with
        {
            Markets = [.. seeded.Markets.Select(m => m.Market == "CN" ? m with { Sold = false } : m)],
        })).ReadAsync<RegulatoryProfile>();

        await SeedAgainAsync();

        var now = await (await quality.GetAsync(url)).ReadAsync<RegulatoryProfile>();
        Assert.Equal((saved.Revision, saved.Version), (now.Revision, now.Version));
        Assert.False(now.Markets.Single(m => m.Market == "CN").Sold);
    }

    internal static SaveModel.Request EditRequest(ModelDetail m) => new(
        m.Id, m.ManufacturerId, m.Category, m.NameEn, m.NameZh, m.Brand, m.Subtype, m.ModelNumbers, m.Aliases, m.UncertainAliases,
        m.PrintedText, m.VisualCues, m.Coding, m.Markets, m.Status, m.UdiDi, m.WarrantyMonths, m.WarrantyScope, m.RegulatoryKind,
        m.Disambiguation, m.Confidence, m.Notes, m.Version.ToString());

    private Task<bool> LinkExistsAsync(string from, string to, ModelLinkKind kind) =>
        app.WithDbAsync(db => db.ModelLinks.AnyAsync(l => l.FromModelId == from && l.ToModelId == to && l.Kind == kind));

    // What every start does, without the cost of a restart (A_second_start_... restarts for real).
    private async Task SeedAgainAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(CancellationToken.None);
    }

    private Task<(int Makers, int Models, int Links)> CountAsync() => app.WithDbAsync(async db =>
        (await db.Manufacturers.CountAsync(), await db.ProductModels.CountAsync(), await db.ModelLinks.CountAsync()));
}
