using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// Audit entries are written without a lock and sealed into the chain after the commit (docs/adr/0005): writers on
/// several nodes neither wait for each other nor lose or repeat an entry, and what no commit announced is swept up.
/// </summary>
public sealed class AuditSealingTests
{
    [PostgreSqlFact]
    public async Task Writers_on_two_nodes_of_one_database_leave_a_chain_that_verifies_once_sealed_with_every_entry_once()
    {
        const int PerNode = 30;
        var nodeA = new CareDeskFactory();
        await nodeA.InitializeAsync();
        var nodeB = new CareDeskFactory { ExistingDatabase = nodeA.Database };
        await nodeB.InitializeAsync();
        try
        {
            var admin = await nodeA.CreateClientForRoleAsync(Roles.Admin);
            var run = Guid.NewGuid().ToString("N")[..8];
            CareDeskFactory[] nodes = [nodeA, nodeB];

            // Reads and saves on both nodes at once, while both nodes' sealers run after every commit, and a test's
            // pass on each node runs on top of them all the time.
            var writes = Task.WhenAll(nodes.SelectMany((node, n) => Enumerable.Range(0, PerNode).SelectMany(i => new[]
            {
                node.RecordReadAsAsync("user-node", "node@demo.caredesk", "Person", $"{run}-{n}-{i}"),
                CreateRoleAsync(node, $"role-{run}-{n}-{i}"),
            })));
            await Task.WhenAll(writes, SealUntilAsync(nodeA, writes), SealUntilAsync(nodeB, writes));

            await Eventually.HoldsAsync(async () => (await admin.VerifyChainAsync()).Unsealed == 0, TimeSpan.FromSeconds(30), "every entry sealed by the nodes' sealers");
            var report = await admin.VerifyChainAsync();
            var entries = (await nodeB.AllEntriesAsync()).OrderBy(e => e.SealOrder).ToList();

            Assert.True(report.Intact, $"broken at {report.BrokenAtSequence}: {report.Problem}");
            Assert.Equal(entries.Count, report.EntriesChecked);
            Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long?)i), entries.Select(e => e.SealOrder));
            var expected = nodes.SelectMany((_, n) => Enumerable.Range(0, PerNode).Select(i => $"{run}-{n}-{i}")).Order(StringComparer.Ordinal);
            Assert.Equal(expected, entries.Where(e => e.Action == AuditTrail.Read && e.EntityId.StartsWith(run, StringComparison.Ordinal)).Select(e => e.EntityId).Order(StringComparer.Ordinal));
            Assert.Equal(
                expected.Select(id => $"role-{id}"),
                entries.Where(e => e.EntityType == nameof(IdentityRole) && e.Action == AuditTrail.Created)
                    .Select(e => AuditTestKit.ChangesOf(e)[nameof(IdentityRole.Name)].New!)
                    .Where(name => name.StartsWith($"role-{run}-", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)nodeB).DisposeAsync();
            await ((IAsyncLifetime)nodeA).DisposeAsync();
        }
    }

    [PostgreSqlFact(Because = "SQLite has one writer by design: there a read's entry waits for the open write")]
    public async Task An_audited_read_and_another_audited_write_complete_while_a_transaction_holds_an_audited_write_open()
    {
        var app = new CareDeskFactory();
        await app.InitializeAsync();
        try
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
            await using var open = await db.Database.BeginTransactionAsync();
            db.Roles.Add(new IdentityRole($"open-{run}") { NormalizedName = $"OPEN-{run}".ToUpperInvariant() });
            await db.SaveChangesAsync();

            // Until now every audited write and read took one advisory lock until its transaction ended: both waited here.
            await Task.WhenAll(
                    app.RecordReadAsAsync("user-reader", "reader@demo.caredesk", "Person", $"while-open-{run}"),
                    CreateRoleAsync(app, $"beside-{run}"))
                .WaitAsync(TimeSpan.FromSeconds(10));

            await open.CommitAsync();
            await app.SealAsync();
            var report = await (await app.CreateClientForRoleAsync(Roles.Admin)).VerifyChainAsync();
            Assert.True(report.Intact, $"broken at {report.BrokenAtSequence}: {report.Problem}");
            Assert.Single(await app.EntriesForAsync("Person", $"while-open-{run}"));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    internal static async Task CreateRoleAsync(CareDeskFactory node, string name)
    {
        // A scope of its own, as each request has: its own context, connection and transaction.
        await using var scope = node.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        db.Roles.Add(new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() });
        await db.SaveChangesAsync();
    }

    private static async Task SealUntilAsync(CareDeskFactory node, Task done)
    {
        while (!done.IsCompleted)
        {
            await node.SealAsync();
        }
    }
}
