using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Features.Catalog;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.IntegrationTests.Platform;
using CareDesk.Platform.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Complaints;

/// <summary>The host on a fixed clock (6 Dec 2026), so "awareness in the future" and statuses are the same every run.</summary>
public sealed class RegulatoryHost : CareDeskFactory
{
    public RegulatoryHost()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    }
}

public sealed class RegulatoryApiTests(RegulatoryHost app) : IClassFixture<RegulatoryHost>
{
    private static object Assess(string productId, string at, object facts, object[]? information = null, string? country = "CN", string? state = null) => new
    {
        productId,
        eventCountry = country,
        euMemberState = state,
        awareness = new { at, timeZone = "Asia/Shanghai" },
        facts,
        information = information ?? [],
    };

    [Fact]
    public async Task The_seeded_glucose_meter_profile_is_us_class_ii_nbw_ivdr_class_c_and_china_class_ii()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var profile = await (await agent.GetAsync("/api/catalog/models/accu-chek-guide-meter/regulatory")).ReadAsync<RegulatoryProfile>();

        Assert.Equal(1, profile.Revision);
        Assert.Equal(new RegulatoryMarket("US", true, true, null, "II", "NBW", null), profile.Markets.Single(m => m.Market == "US"));
        Assert.Equal(new RegulatoryMarket("EU", true, true, "IVDR", "C", null, null), profile.Markets.Single(m => m.Market == "EU"));
        Assert.Equal(new RegulatoryMarket("CN", true, true, null, "II", null, null), profile.Markets.Single(m => m.Market == "CN"));
    }

    [Fact]
    public async Task A_market_the_catalog_does_not_list_is_unknown_not_false()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        // The Anwen meter is listed for CN, ASIA, AF, LATAM: nothing public says it is or is not sold in the US.
        var profile = await (await agent.GetAsync("/api/catalog/models/sinocare-anwen-meter/regulatory")).ReadAsync<RegulatoryProfile>();

        Assert.Null(profile.Markets.Single(m => m.Market == "US").Sold);
        Assert.True(profile.Markets.Single(m => m.Market == "CN").Sold);
    }

    [Fact]
    public async Task Quality_saves_a_new_revision_keeps_the_old_one_and_a_stale_version_is_a_conflict()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        const string url = "/api/catalog/models/yuwell-590-meter/regulatory";
        var first = await (await quality.GetAsync(url)).ReadAsync<RegulatoryProfile>();
        var change = first with
        {
            Markets = [.. first.Markets.Select(m => m.Market == "US" ? m with { Sold = false } : m)],
        };

        var saved = await (await quality.PutAsJsonAsync(url, change)).ReadAsync<RegulatoryProfile>();
        var stale = await quality.PutAsJsonAsync(url, change);

        Assert.Equal(first.Revision + 1, saved.Revision);
        Assert.NotEqual(first.Version, saved.Version);
        Assert.False(saved.Markets.Single(m => m.Market == "US").Sold);
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var revisions = await app.WithDbAsync(db => Task.FromResult(db.RegulatoryProfiles.Where(e => e.ModelId == "yuwell-590-meter").Select(e => e.Revision).Distinct().Count()));
        Assert.Equal(2, revisions);
    }

    [Fact]
    public async Task A_class_that_does_not_exist_in_the_market_is_refused_naming_the_field()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        const string url = "/api/catalog/models/yuwell-580-meter/regulatory";
        var current = await (await quality.GetAsync(url)).ReadAsync<RegulatoryProfile>();
        var bad = current with { Markets = [.. current.Markets.Select(m => m.Market == "EU" ? m with { DeviceClass = "IIb" } : m)] };

        var problem = await (await quality.PutAsJsonAsync(url, bad)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Errors("markets[1].deviceClass"));
    }

    [Fact]
    public async Task An_agent_cannot_change_a_regulatory_profile()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var current = await (await agent.GetAsync("/api/catalog/models/yuwell-580-meter/regulatory")).ReadAsync<RegulatoryProfile>();

        var response = await agent.PutAsJsonAsync("/api/catalog/models/yuwell-580-meter/regulatory", current);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Assess_a_chinese_cgm_death_over_the_spring_festival_for_every_market_and_audit_it()
    {
        var expert = await app.CreateClientForRoleAsync(Roles.Expert);

        var response = await expert.PostAsJsonAsync("/api/regulatory/assess",
            Assess("freestyle-libre-14-day-sensor", "2026-02-10T21:00:00+08:00", new { deviceInvolved = "yes", death = "yes", malfunction = "suspected" }));

        var body = await response.ReadAsync<JsonElement>();
        Assert.True(body.GetProperty("isComplaint").GetBoolean());
        var cn = body.GetProperty("markets").EnumerateArray().Single(m => m.GetProperty("market").GetString() == "CN");
        Assert.Equal("death", cn.GetProperty("eventClass").GetString());
        var report = cn.GetProperty("obligations").EnumerateArray().Single();
        Assert.Equal(("cn-individual", "2026-02-24", "2026-02-17", "calendar-days"), (
            report.GetProperty("kind").GetString(), report.GetProperty("due").GetString(),
            report.GetProperty("nominalDue").GetString(), report.GetProperty("unit").GetString()));
        Assert.Equal("overdue", report.GetProperty("status").GetString());
        Assert.DoesNotContain("cn.death", cn.GetProperty("rationale").GetString());
        var eu = body.GetProperty("markets").EnumerateArray().Single(m => m.GetProperty("market").GetString() == "EU");
        Assert.Equal("no", eu.GetProperty("reportable").GetString());

        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var audit = await admin.SearchAsync("entityId=freestyle-libre-14-day-sensor");
        Assert.Contains(audit.Entries, e => e.Action == "assessed");
    }

    [Fact]
    public async Task Assess_answers_in_chinese_for_a_chinese_caller()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var user = NewUser.WithRoles(Roles.Quality) with { Language = "zh-CN" };
        await admin.CreateUserAsync(user);
        var quality = await app.CreateClientForAsync(user.Email, user.Password);

        var body = await (await quality.PostAsJsonAsync("/api/regulatory/assess",
            Assess("minimed-780g-pump", "2026-10-01T09:00:00+08:00", new { deviceInvolved = "yes", groupEvent = "yes", injury = "yes" }))).ReadAsync<JsonElement>();

        var cn = body.GetProperty("markets").EnumerateArray().Single(m => m.GetProperty("market").GetString() == "CN");
        Assert.Equal("group", cn.GetProperty("eventClass").GetString());
        Assert.Contains("12小时", cn.GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task Later_information_upgrades_a_malfunction_to_a_serious_injury()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);

        var body = await (await quality.PostAsJsonAsync("/api/regulatory/assess", Assess(
            "accu-chek-guide-meter", "2026-11-02T10:00:00+08:00",
            new { deviceInvolved = "yes", malfunction = "yes", recurrenceLikelyToCauseDeathOrSeriousInjury = "no", injury = "no" },
            [new { receivedAt = "2026-11-10T10:00:00+08:00", facts = new { injury = "yes", interventionToPrecludePermanentHarm = "yes" } }]))).ReadAsync<JsonElement>();

        var cn = body.GetProperty("markets").EnumerateArray().Single(m => m.GetProperty("market").GetString() == "CN");
        Assert.Equal("serious-injury", cn.GetProperty("eventClass").GetString());
        var report = cn.GetProperty("obligations").EnumerateArray().Single();
        Assert.Equal("2026-11-30", report.GetProperty("due").GetString());
    }

    [Fact]
    public async Task An_unknown_product_is_404_naming_productId()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);

        var problem = await (await quality.PostAsJsonAsync("/api/regulatory/assess", Assess("no-such-model", "2026-11-02T10:00:00+08:00", new { death = "yes" })))
            .ProblemAsync(HttpStatusCode.NotFound);

        Assert.NotEmpty(problem.Errors("productId"));
    }

    [Theory]
    [InlineData("death", "maybe", "facts.death")]
    [InlineData("deathh", "yes", "facts.deathh")]
    [InlineData("injury", "suspected", "facts.injury")]
    public async Task A_fact_outside_the_vocabulary_is_400_naming_the_fact(string fact, string value, string field)
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);

        var problem = await (await quality.PostAsJsonAsync("/api/regulatory/assess",
            Assess("accu-chek-guide-meter", "2026-11-02T10:00:00+08:00", new Dictionary<string, string> { [fact] = value }))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Errors(field));
    }

    [Fact]
    public async Task Awareness_in_the_future_is_400_naming_the_field()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);

        var problem = await (await quality.PostAsJsonAsync("/api/regulatory/assess",
            Assess("accu-chek-guide-meter", "2026-12-07T10:00:00+08:00", new { death = "yes" }))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Errors("awareness.at"));
    }

    [Fact]
    public async Task An_agent_may_not_assess()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var response = await agent.PostAsJsonAsync("/api/regulatory/assess", Assess("accu-chek-guide-meter", "2026-11-02T10:00:00+08:00", new { death = "yes" }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
