using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Data;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>Durable timers through the real host and Quartz's store in our database.</summary>
public sealed class SchedulingTests(SchedulingHost app, ITestOutputHelper output) : IClassFixture<SchedulingHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_timer_fires_once_when_due_with_its_data()
    {
        var run = Guid.NewGuid().ToString("N");
        var key = $"once-{run}";
        var due = app.Now + TimeSpan.FromSeconds(1);

        await app.Timers.ScheduleAsync<RecordFiringJob>(key, due, RecordFiringJob.Data(run, "follow up"), CancellationToken.None);

        await WaitUntilFiredAndGoneAsync(app, run, [key]);
        var firing = Assert.Single(RecordFiringJob.FiringsOf(run));
        Assert.Equal(key, firing.Key);
        Assert.Equal("follow up", firing.Note);
        Assert.True(firing.FiredAt >= due, $"fired at {firing.FiredAt:O}, due at {due:O}");
        Assert.Equal(await app.SchedulerInstanceIdAsync(), firing.InstanceId);
    }

    [Fact]
    public async Task Setting_a_timer_again_moves_it_and_a_cancelled_timer_never_fires()
    {
        var run = Guid.NewGuid().ToString("N");
        var moved = $"moved-{run}";
        var cancelled = $"cancelled-{run}";
        var now = app.Now;

        await app.Timers.ScheduleAsync<RecordFiringJob>(moved, now + TimeSpan.FromHours(1), RecordFiringJob.Data(run, "first"), CancellationToken.None);
        await app.Timers.ScheduleAsync<RecordFiringJob>(moved, now + TimeSpan.FromSeconds(2), RecordFiringJob.Data(run, "second"), CancellationToken.None);
        await app.Timers.ScheduleAsync<RecordFiringJob>(cancelled, now + TimeSpan.FromSeconds(1), RecordFiringJob.Data(run), CancellationToken.None);
        Assert.Equal(now + TimeSpan.FromSeconds(2), await app.Timers.DueAtAsync<RecordFiringJob>(moved, CancellationToken.None));
        Assert.True(await app.Timers.CancelAsync<RecordFiringJob>(cancelled, CancellationToken.None));
        Assert.False(await app.Timers.CancelAsync<RecordFiringJob>(cancelled, CancellationToken.None));
        Assert.Null(await app.Timers.DueAtAsync<RecordFiringJob>(cancelled, CancellationToken.None));

        // The cancelled timer was due before the moved one: had it survived, it would have fired by now.
        await WaitUntilFiredAndGoneAsync(app, run, [moved]);
        var firing = Assert.Single(RecordFiringJob.FiringsOf(run));
        Assert.Equal(moved, firing.Key);
        Assert.Equal("second", firing.Note);
    }

    [Fact]
    public async Task A_timer_due_while_the_host_is_down_fires_once_after_restart()
    {
        var run = Guid.NewGuid().ToString("N");
        var key = $"restart-{run}";
        await using var database = await TestDatabase.CreateAsync();
        DateTimeOffset due;

        await using (var before = new SchedulingHost { ExistingDatabase = database })
        {
            await before.InitializeAsync();
            due = before.Now + TimeSpan.FromSeconds(3);
            await before.Timers.ScheduleAsync<RecordFiringJob>(key, due, RecordFiringJob.Data(run), CancellationToken.None);
        }

        Assert.Empty(RecordFiringJob.FiringsOf(run));
        var downFor = due - TimeProvider.System.GetUtcNow() + TimeSpan.FromMilliseconds(500);
        if (downFor > TimeSpan.Zero)
        {
            await Task.Delay(downFor); // the host stays down past the due time: that is the case under test
        }

        Assert.Empty(RecordFiringJob.FiringsOf(run));

        await using var after = new SchedulingHost { ExistingDatabase = database };
        await after.InitializeAsync();
        await WaitUntilFiredAndGoneAsync(after, run, [key]);

        var firing = Assert.Single(RecordFiringJob.FiringsOf(run));
        Assert.Equal(await after.SchedulerInstanceIdAsync(), firing.InstanceId);
    }

    [Fact]
    public async Task A_timer_set_long_after_its_due_time_fires_at_once_without_waiting_for_the_clock()
    {
        // What the sweep does with the deadline of a node that died before handing it over: set it once it is long
        // past. The host's clock stands still, so the timer fires only if the scheduler can take it now; left to
        // Quartz's misfire scan (a minute later on this clock) it would never fire.
        var run = Guid.NewGuid().ToString("N");
        var key = $"overdue-{run}";
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 18, 0, 0, TimeSpan.Zero));
        await using var host = new SchedulingHost { Clock = clock };
        await host.InitializeAsync();
        await Eventually.HoldsAsync(host.SchedulerStartedAsync, Patience, "the scheduler starts");

        await host.Timers.ScheduleAsync<RecordFiringJob>(key, clock.GetUtcNow() - TimeSpan.FromMinutes(15), RecordFiringJob.Data(run), CancellationToken.None);

        await WaitUntilFiredAndGoneAsync(host, run, [key]);
        Assert.Equal(clock.GetUtcNow(), Assert.Single(RecordFiringJob.FiringsOf(run)).FiredAt);
    }

    [Fact]
    public async Task Fifty_timers_due_together_fire_each_exactly_once_across_the_nodes()
    {
        // Two nodes on one database need the clustered store, which CareDesk uses on PostgreSQL only. On SQLite
        // (one node by design) this asserts the same on the single node.
        var run = Guid.NewGuid().ToString("N");
        var keys = Enumerable.Range(0, 50).Select(i => $"together-{i:00}-{run}").ToList();
        var nodes = new List<SchedulingHost> { app };
        await using var second = new SchedulingHost { ExistingDatabase = app.Database };
        if (app.Database.Provider == DatabaseProvider.PostgreSql)
        {
            await second.InitializeAsync();
            nodes.Add(second);
        }

        var started = app.Now;
        var due = started + TimeSpan.FromSeconds(3);
        for (var i = 0; i < keys.Count; i++)
        {
            // Set through both nodes, so each is woken by its own and polls for the other's.
            await nodes[i % nodes.Count].Timers.ScheduleAsync<RecordFiringJob>(keys[i], due, RecordFiringJob.Data(run), CancellationToken.None);
        }

        output.WriteLine($"set in {app.Now - started}");
        await WaitUntilFiredAndGoneAsync(app, run, keys);
        output.WriteLine($"fired by {RecordFiringJob.FiringsOf(run).Max(f => f.FiredAt) - due} after due; all gone {app.Now - due} after due");

        var firings = RecordFiringJob.FiringsOf(run);
        var nodeIds = new List<string>();
        foreach (var node in nodes)
        {
            nodeIds.Add(await node.SchedulerInstanceIdAsync());
        }

        output.WriteLine(string.Join(", ", firings.GroupBy(f => f.InstanceId).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.Equal(keys.Order(StringComparer.Ordinal), firings.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.All(firings, f => Assert.Contains(f.InstanceId, nodeIds));
        Assert.Equal(nodes.Count, nodeIds.Distinct().Count());
    }

    /// <summary>Waits until every timer fired and none is pending any more, so no further firing can follow.</summary>
    private static async Task WaitUntilFiredAndGoneAsync(SchedulingHost node, string run, List<string> keys)
    {
        await Eventually.HoldsAsync(
            () => Task.FromResult(RecordFiringJob.FiringsOf(run).Select(f => f.Key).Distinct().Count() == keys.Count),
            Patience,
            $"all {keys.Count} timer(s) fire");
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var key in keys)
                {
                    if (await node.IsPendingAsync(key))
                    {
                        return false;
                    }
                }

                return true;
            },
            Patience,
            "no fired timer is pending any more");
    }
}
