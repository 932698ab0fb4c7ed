using System.Net.Http.Json;
using CareDesk.Features.Catalog;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

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

    internal static SaveModel.Request EditRequest(ModelDetail m) => new(
        m.Id, m.ManufacturerId, m.Category, m.NameEn, m.NameZh, m.Brand, m.Subtype, m.ModelNumbers, m.Aliases, m.UncertainAliases,
        m.PrintedText, m.VisualCues, m.Coding, m.Markets, m.Status, m.UdiDi, m.WarrantyMonths, m.WarrantyScope, m.RegulatoryKind,
        m.RegulatoryUs, m.RegulatoryEu, m.RegulatoryCn, m.Disambiguation, m.Confidence, m.Notes);

    private Task<(int Makers, int Models, int Links)> CountAsync() => app.WithDbAsync(async db =>
        (await db.Manufacturers.CountAsync(), await db.ProductModels.CountAsync(), await db.ModelLinks.CountAsync()));
}
