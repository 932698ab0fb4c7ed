using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Catalog;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.Catalog;

public sealed class CatalogApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Story_1_the_strips_for_the_Sinocare_anwen_meter_are_anwen_strips_not_anwen_plus()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        // "三诺的" → the maker; "安稳 … 免调码" read off the meter → the model.
        var makers = await (await agent.GetAsync("/api/catalog/manufacturers")).ReadAsync<List<ManufacturerView>>();
        var sinocare = Assert.Single(makers, m => m.CallerNames.Contains("三诺"));
        var found = await (await agent.GetAsync($"/api/catalog/models?manufacturerId={sinocare.Id}&category=bg_meter&q={Uri.EscapeDataString("安稳免调码")}"))
            .ReadAsync<List<ModelSummary>>();
        Assert.Contains(found, m => m.Id == "sinocare-anwen-meter");

        var meter = await (await agent.GetAsync("/api/catalog/models/sinocare-anwen-meter")).ReadAsync<ModelDetail>();

        var strips = meter.FittedBy.Where(l => l.Category == "test_strip").Select(l => l.ModelId).ToList();
        Assert.Contains("sinocare-anwen-strips", strips);
        Assert.DoesNotContain("sinocare-anwen-plus-strips", strips);
        var negative = Assert.Single(meter.NotCompatibleWith, l => l.ModelId == "sinocare-anwen-plus-strips");
        Assert.True(negative.Uncertain);
        Assert.False(string.IsNullOrEmpty(meter.Disambiguation));
    }

    [Fact]
    public async Task Every_negative_of_the_catalog_is_never_offered_as_a_fit()
    {
        // The catalog's own explicit negatives (Guide strips ↛ Performa, Contour strips ↛ Contour Next...) as cases.
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var seed = await CatalogSeeder.LoadAsync(CancellationToken.None);
        var negatives = seed.Products.SelectMany(p => (p.NotCompatibleWith ?? []).Select(n => (Consumable: p.Id, Device: n.Id))).ToList();
        Assert.NotEmpty(negatives);

        foreach (var (consumable, device) in negatives)
        {
            var model = await (await agent.GetAsync($"/api/catalog/models/{consumable}")).ReadAsync<ModelDetail>();
            var other = await (await agent.GetAsync($"/api/catalog/models/{device}")).ReadAsync<ModelDetail>();

            Assert.DoesNotContain(model.Fits, l => l.ModelId == device);
            Assert.DoesNotContain(other.FittedBy, l => l.ModelId == consumable);
            Assert.Contains(model.NotCompatibleWith, l => l.ModelId == device);
            Assert.Contains(other.NotCompatibleWith, l => l.ModelId == consumable);
        }
    }

    [Fact]
    public async Task Accu_Chek_Guide_strips_fit_the_Guide_and_not_the_Performa()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var strips = await (await agent.GetAsync("/api/catalog/models/accu-chek-guide-strips")).ReadAsync<ModelDetail>();

        Assert.Contains(strips.Fits, l => l.ModelId == "accu-chek-guide-meter");
        Assert.DoesNotContain(strips.Fits, l => l.ModelId == "accu-chek-performa-meter");
        Assert.Equal("different strip platform", Assert.Single(strips.NotCompatibleWith, l => l.ModelId == "accu-chek-performa-meter").Reason);
    }

    [Theory]
    [InlineData("安稳", "sinocare-anwen-meter")]
    [InlineData("稳豪倍易", "onetouch-ultraeasy-meter")]
    [InlineData("免调码", "sinocare-anwen-meter")]
    [InlineData("mmt 1885", "minimed-780g-pump")]
    [InlineData("780G", "minimed-780g-pump")]
    [InlineData("NEXT ONE", "contour-next-one-meter")]
    public async Task Search_matches_chinese_aliases_printed_text_and_model_numbers(string text, string expected)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var found = await (await agent.GetAsync($"/api/catalog/models?q={Uri.EscapeDataString(text)}")).ReadAsync<List<ModelSummary>>();

        Assert.Contains(found, m => m.Id == expected);
    }

    [Fact]
    public async Task An_agent_reads_the_catalog_but_may_not_edit_it()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var model = await (await agent.GetAsync("/api/catalog/models/accu-chek-guide-meter")).ReadAsync<ModelDetail>();

        await (await agent.PutAsJsonAsync("/api/catalog/models/accu-chek-guide-meter", CatalogSeedTests.EditRequest(model)))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostAsJsonAsync("/api/catalog/models", CatalogSeedTests.EditRequest(model) with { Id = "agent-model" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PutAsJsonAsync("/api/catalog/models/accu-chek-guide-meter/links", new { add = Array.Empty<object>() }))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_admin_adds_a_model_and_its_compatibility()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var request = new SaveModel.Request(
            "test-meter-x", "sinocare", "bg_meter", "Test meter X", NameZh: "测试血糖仪", Aliases: ["测试X"], PrintedText: ["TEST-X"], WarrantyMonths: 60);

        var created = await admin.PostAsJsonAsync("/api/catalog/models", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/catalog/models/test-meter-x", created.Headers.Location?.OriginalString);
        await (await admin.PostAsJsonAsync("/api/catalog/models", request)).ProblemAsync(HttpStatusCode.Conflict);

        var linked = await (await admin.PutAsJsonAsync("/api/catalog/models/test-meter-x/links", new
        {
            add = new object[]
            {
                new { kind = "not-compatible", modelId = "sinocare-anwen-strips", reason = "own strips" },
                new { kind = "works-with", modelId = "sinocare-ican-i3-cgm", uncertain = true },
            },
        })).ReadAsync<ModelDetail>();
        Assert.Equal("own strips", Assert.Single(linked.NotCompatibleWith).Reason);
        Assert.True(Assert.Single(linked.WorksWith).Uncertain);

        var strips = await (await admin.GetAsync("/api/catalog/models/sinocare-anwen-strips")).ReadAsync<ModelDetail>();
        Assert.Contains(strips.NotCompatibleWith, l => l.ModelId == "test-meter-x");
        var found = await (await admin.GetAsync($"/api/catalog/models?q={Uri.EscapeDataString("测试x")}")).ReadAsync<List<ModelSummary>>();
        Assert.Equal("test-meter-x", Assert.Single(found).Id);

        var removed = await (await admin.PutAsJsonAsync("/api/catalog/models/test-meter-x/links", new
        {
            remove = new object[] { new { kind = "works-with", modelId = "sinocare-ican-i3-cgm" } },
        })).ReadAsync<ModelDetail>();
        Assert.Empty(removed.WorksWith);
    }

    public static TheoryData<string, string> InvalidModels => new()
    {
        { """{"id":"x-1","manufacturerId":"roche","category":"toaster","nameEn":"X"}""", "category" },
        { """{"id":"x-2","manufacturerId":"roche","category":"bg_meter","nameEn":"X","warrantyMonths":-1}""", "warrantyMonths" },
        { """{"id":"x-3","manufacturerId":"nobody","category":"bg_meter","nameEn":"X"}""", "manufacturerId" },
        { """{"id":"X 4","manufacturerId":"roche","category":"bg_meter","nameEn":"X"}""", "id" },
        { """{"id":"x-5","manufacturerId":"roche","category":"bg_meter"}""", "nameEn" },
    };

    [Theory]
    [MemberData(nameof(InvalidModels))]
    public async Task Bad_model_input_is_a_400_naming_the_field(string json, string field)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PostRawAsync("/api/catalog/models", json)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors(field);
    }

    [Fact]
    public async Task A_second_admin_saving_an_old_version_gets_409_with_the_current_model_and_nothing_is_overwritten()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/catalog/models", new SaveModel.Request("test-meter-v", "sinocare", "bg_meter", "Test meter V")))
            .ReadAsync<ModelSummary>(HttpStatusCode.Created);
        var read = await (await admin.GetAsync("/api/catalog/models/test-meter-v")).ReadAsync<ModelDetail>();
        Assert.Equal(created.Version, read.Version);

        // Two admins read the same version; the first saves.
        var first = await (await admin.PutAsJsonAsync("/api/catalog/models/test-meter-v", CatalogSeedTests.EditRequest(read) with { NameEn = "First admin" }))
            .ReadAsync<ModelSummary>();
        Assert.NotEqual(read.Version, first.Version);

        var response = await admin.PutAsJsonAsync("/api/catalog/models/test-meter-v", CatalogSeedTests.EditRequest(read) with { NameEn = "Second admin", WarrantyMonths = 12 });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Version.ToString(), problem.Body.GetProperty("version").GetString());
        Assert.Equal("First admin", problem.Body.GetProperty("current").GetProperty("nameEn").GetString());
        var stored = await (await admin.GetAsync("/api/catalog/models/test-meter-v")).ReadAsync<ModelDetail>();
        Assert.Equal("First admin", stored.NameEn);
        Assert.Null(stored.WarrantyMonths);

        // Redone on top of the current version, the second edit is saved.
        var redone = await (await admin.PutAsJsonAsync("/api/catalog/models/test-meter-v", CatalogSeedTests.EditRequest(stored) with { WarrantyMonths = 12 }))
            .ReadAsync<ModelSummary>();
        Assert.Equal(12, redone.WarrantyMonths);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-version")]
    public async Task An_edit_without_the_version_read_is_a_400_naming_version(string? version)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var model = await (await admin.GetAsync("/api/catalog/models/accu-chek-guide-meter")).ReadAsync<ModelDetail>();

        var response = await admin.PutAsJsonAsync("/api/catalog/models/accu-chek-guide-meter", CatalogSeedTests.EditRequest(model) with { Version = version });

        (await response.ProblemAsync(HttpStatusCode.BadRequest)).Errors("version");
    }

    [Fact]
    public async Task An_unknown_model_is_a_404()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        await (await agent.GetAsync("/api/catalog/models/no-such-model")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
