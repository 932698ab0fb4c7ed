using CareDesk.Features.Outreach;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>
/// Issue 14, F22: eight agents claiming at once from two overlapping campaigns of 10,000 people — on two nodes sharing
/// one PostgreSQL (one node on SQLite, which is one node by design) — never hold the same person twice and never
/// contact anyone inside a cooldown.
/// </summary>
public sealed class OutreachConcurrencyTests : IAsyncLifetime
{
    private const int People = 10_000;
    private const int Agents = 8;
    private const int ClaimsPerAgent = 40;

    private OutreachHost first = null!;
    private OutreachHost? second;

    public async Task InitializeAsync()
    {
        first = new OutreachHost { OwnedByOneTest = true };
        await first.InitializeAsync();
        if (first.Database.Provider == DatabaseProvider.PostgreSql)
        {
            second = new OutreachHost { ExistingDatabase = first.Database, OwnedByOneTest = true };
            await second.InitializeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (second is not null)
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }

        await ((IAsyncLifetime)first).DisposeAsync();
    }

    [Fact]
    public async Task Eight_agents_on_two_overlapping_campaigns_never_share_a_person_or_break_a_cooldown()
    {
        var model = await first.NewModelAsync();
        await first.SeedPeopleAsync(model, People, purposes: [OutreachPurpose.ServiceFollowUp, OutreachPurpose.Survey]);
        var supervisor = await first.CreateClientForRoleAsync(CareDesk.Platform.Identity.Roles.Supervisor);
        foreach (var purpose in new[] { "service-follow-up", "survey" })
        {
            var created = await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(supervisor, "/api/campaigns", new { name = purpose, purpose, channel = "phone", target = new { productIds = new[] { model } } }))
                .ReadAsync<CampaignView>(System.Net.HttpStatusCode.Created);
            await (await supervisor.PostAsync($"/api/campaigns/{created.Id}/start", null)).ReadAsync<CampaignView>();
        }

        var nodes = second is null ? new[] { first } : [first, second];
        var reached = await Task.WhenAll(Enumerable.Range(0, Agents).Select(agent => WorkAsync(nodes[agent % nodes.Length], $"agent-{agent}")));

        Assert.Equal(Agents * ClaimsPerAgent, reached.Sum());
        var (attempts, doubled, contacts, contactedTwice) = await first.WithDbAsync(async db => (
            await db.OutreachAttempts.CountAsync(),
            await db.OutreachAttempts.GroupBy(a => a.PersonId).CountAsync(g => g.Count() > 1),
            await db.Contacts.CountAsync(c => c.Source == "outreach"),
            await db.Contacts.Where(c => c.Source == "outreach").GroupBy(c => c.PersonId).CountAsync(g => g.Count() > 1)));
        Assert.Equal(Agents * ClaimsPerAgent, attempts);
        Assert.Equal(0, doubled);
        Assert.Equal(Agents * ClaimsPerAgent, contacts);
        Assert.Equal(0, contactedTwice);
        Assert.Equal(0, await first.WithDbAsync(db => db.OutreachClaims.CountAsync(c => c.AttemptId != null)));
    }

    // One agent: next, then "reached", as fast as the database lets them, through the use cases the API calls.
    private static async Task<int> WorkAsync(OutreachHost node, string agent)
    {
        var done = 0;
        while (done < ClaimsPerAgent)
        {
            await using var scope = node.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem(agent);
            var offer = await scope.ServiceProvider.GetRequiredService<TakeNextContact>().RunAsync(agent, CancellationToken.None);
            Assert.NotNull(offer);
            var closed = await scope.ServiceProvider.GetRequiredService<RecordOutcome>().RunAsync(offer.AttemptId, new RecordOutcome.Request("reached"), agent, CancellationToken.None);
            Assert.True(closed.Succeeded, closed.Failure?.MessageKey);
            done++;
        }

        return done;
    }
}
