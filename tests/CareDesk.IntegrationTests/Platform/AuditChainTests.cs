using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>The hash chain stays gapless and verifiable once sealed, whatever the load.</summary>
public sealed class AuditChainTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task The_chain_verifies_intact_after_many_entries_of_every_kind()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        for (var i = 0; i < 3; i++)
        {
            await admin.CreateUserAsync($"Chain User {i}");
        }

        for (var i = 0; i < 150; i++)
        {
            await app.RecordReadAsAsync("user-chain", "chain@demo.caredesk", "Person", $"chain-{i}");
        }

        await app.SealAsync();
        var report = await admin.VerifyChainAsync();
        var count = await app.WithDbAsync(db => db.AuditEntries.LongCountAsync());

        Assert.True(report.Intact, $"broken at {report.BrokenAtSequence}: {report.Problem}");
        Assert.Equal(count, report.EntriesChecked);
        Assert.True(count > 150);
        Assert.Null(report.BrokenAtSequence);
        Assert.Null(report.Problem);
        Assert.Equal(0, report.Unsealed);
    }

    [Fact]
    public async Task Concurrent_saves_reads_and_requests_leave_a_gapless_verifiable_chain_once_sealed()
    {
        const int Tasks = 20;
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var run = Guid.NewGuid().ToString("N")[..8];

        // Direct saves through the context, the read hook and whole API requests, all at once.
        var work = Enumerable.Range(0, Tasks).SelectMany(i => new[]
        {
            CreateRoleAsync($"role-{run}-{i}"),
            app.RecordReadAsAsync("user-concurrent", "concurrent@demo.caredesk", "Person", $"{run}-{i}"),
            i % 4 == 0 ? admin.CreateUserAsync($"Concurrent {i}") : Task.CompletedTask,
        });
        await Task.WhenAll(work);
        await app.SealAsync();

        var entries = (await app.AllEntriesAsync()).OrderBy(e => e.SealOrder).ToList();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long?)i), entries.Select(e => e.SealOrder));
        Assert.Equal(Tasks, entries.Count(e => e.EntityType == nameof(IdentityRole) && e.Action == AuditTrail.Created
            && AuditTestKit.ChangesOf(e)[nameof(IdentityRole.Name)].New!.StartsWith($"role-{run}-", StringComparison.Ordinal)));
        Assert.Equal(Tasks, entries.Count(e => e.Action == AuditTrail.Read && e.EntityId.StartsWith(run, StringComparison.Ordinal)));
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        }

        var report = await admin.VerifyChainAsync();
        Assert.True(report.Intact, $"broken at {report.BrokenAtSequence}: {report.Problem}");
        Assert.Equal(entries.Count, report.EntriesChecked);
    }

    private async Task CreateRoleAsync(string name)
    {
        // A scope of its own, as each request has: its own context, connection and transaction.
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        db.Roles.Add(new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() });
        await db.SaveChangesAsync();
    }
}
