using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Platform;

public sealed class AuditSweepHost : CareDeskFactory
{
    public AuditSweepHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2031, 6, 2, 8, 0, 0, TimeSpan.Zero));
}

/// <summary>An entry whose commit woke no sealer (another node's, which stopped) is sealed by the sweep, on the host's clock.</summary>
public sealed class AuditSweepTests : HostPerTest<AuditSweepHost>
{
    [Fact]
    public async Task An_entry_no_commit_on_this_node_announced_is_sealed_by_the_sweep_within_one_interval_of_the_clock()
    {
        var admin = await App.CreateClientForRoleAsync(Roles.Admin);
        await Eventually.HoldsAsync(async () => (await admin.VerifyChainAsync()).Unsealed == 0, TimeSpan.FromSeconds(30), "the start-up entries sealed");
        var sealedBefore = (await admin.VerifyChainAsync()).EntriesChecked;

        // Written in SQL outside any transaction of this host's: nothing here tells its sealer.
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO audit_entries ("At", "ActorId", "Action", "EntityType", "EntityId")
            SELECT "At", 'system:other-node', 'exported', 'Report', 'written-on-another-node' FROM audit_entries
            WHERE "Sequence" = (SELECT MAX("Sequence") FROM audit_entries)
            """));
        Assert.Equal(1, (await admin.VerifyChainAsync()).Unsealed);

        App.Clock!.Advance(new AuditOptions().SealSweepInterval);

        await Eventually.HoldsAsync(async () => (await admin.VerifyChainAsync()).Unsealed == 0, TimeSpan.FromSeconds(30), "the entry sealed by the sweep");
        var report = await admin.VerifyChainAsync();
        Assert.True(report.Intact, $"broken at {report.BrokenAtSequence}: {report.Problem}");
        Assert.Equal(sealedBefore + 1, report.EntriesChecked);
        Assert.NotNull(Assert.Single(await App.EntriesForAsync("Report", "written-on-another-node")).Hash);
    }
}
