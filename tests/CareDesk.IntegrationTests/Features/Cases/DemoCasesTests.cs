using CareDesk.Features.Desk;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>
/// run.sh's first look: with sample cases on, the demo agent's desk has cases of the stories' people (one with a
/// callback promised), the front line's queue has one waiting, and every case went through the rules an agent's does
/// (numbered, with service-level due times, audited).
/// </summary>
public sealed class DemoCasesTests(DemoCasesTests.SampleCasesHost app) : IClassFixture<DemoCasesTests.SampleCasesHost>
{
    public sealed class SampleCasesHost : CareDeskFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Demo:SampleCases"] = "true",
        };
    }

    [Fact]
    public async Task The_demo_agent_finds_sample_cases_on_the_desk_and_one_in_the_front_lines_queue()
    {
        var agent = await app.CreateClientForAsync(UserSeeder.DemoEmail(Roles.Agent), DemoOptions.Password);

        var desk = await (await agent.GetAsync("/api/desk")).ReadAsync<GetDesk.Desk>();

        Assert.Equal(["血糖仪显示 E-3", "Which strips fit my meter?"], desk.Mine.Select(c => c.Subject).Order(StringComparer.Ordinal).Reverse());
        var cases = await app.WithDbAsync(db => db.Cases.AsNoTracking().ToListAsync());
        var callback = Assert.Single(await app.WithDbAsync(db => db.Callbacks.AsNoTracking().ToListAsync()));
        Assert.Equal("血糖仪显示 E-3", cases.Single(c => c.Id == callback.CaseId).Subject);
        Assert.Equal(3, cases.Count);
        Assert.Equal("front-line", Assert.Single(cases, c => c.OwnerTeamId is not null).OwnerTeamId);
        Assert.All(cases, c => Assert.NotNull(c.ResolutionDueAt));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Case" && e.Action == "created")));
    }
}
