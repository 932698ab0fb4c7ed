using CareDesk.Features.Contacts;
using CareDesk.Features.Telephony;
using CareDesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CareDesk.IntegrationTests.Features.Telephony;

/// <summary>The real host on a clock the test turns by hand.</summary>
public sealed class PruningHost : CareDeskFactory
{
    public PruningHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
}

/// <summary>Processed webhook event ids are forgotten after their retention (default 7 days), in batches, by a recurring job.</summary>
public sealed class WebhookEventPruningTests : HostPerTest<PruningHost>
{
    private const string Source = "pruning-test";

    [Fact]
    public async Task Ids_past_the_retention_are_deleted_in_batches_and_younger_ones_kept()
    {
        var source = $"{Source}-{Guid.NewGuid():N}"[..32];
        var now = App.Clock!.GetUtcNow();
        var expired = PruneProcessedWebhookEvents.BatchSize * 2 + 500;
        await AddEventsAsync(source, expired, now - TimeSpan.FromDays(8));
        await AddEventsAsync(source, 10, now - TimeSpan.FromDays(6));
        await AddEventsAsync(source, 10, now - TimeSpan.FromMinutes(1));

        await PruneAsync();

        // More than two batches' worth: a pass that stopped after one batch would leave expired ids behind.
        Assert.Equal(20, await CountAsync(source));

        // Two days on, the six-day-old ids are eight days old.
        App.Clock.Advance(TimeSpan.FromDays(2));
        await PruneAsync();

        Assert.Equal(10, await CountAsync(source));
        Assert.Equal(0, await PruneAsync());
    }

    [Fact]
    public async Task An_id_just_inside_the_retention_still_stops_a_repeat()
    {
        var source = $"{Source}-{Guid.NewGuid():N}"[..32];
        var now = App.Clock!.GetUtcNow();
        await AddEventsAsync(source, 1, now - TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await AddEventsAsync(source, 1, now - TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));

        await PruneAsync();

        Assert.Equal(1, await CountAsync(source));
    }

    [Fact]
    public async Task The_pruning_is_a_durable_recurring_job_that_deletes_when_it_fires()
    {
        var scheduler = await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var trigger = await scheduler.GetTrigger(new TriggerKey(PruneProcessedWebhookEventsJob.Key.Name, PruneProcessedWebhookEventsJob.Key.Group), CancellationToken.None);
        var simple = Assert.IsAssignableFrom<ISimpleTrigger>(trigger);
        Assert.Equal(TimeSpan.FromHours(1), simple.RepeatInterval);
        Assert.Equal(SimpleTriggerMisfireInstruction.NextWithRemainingCount, simple.MisfireInstruction);
        Assert.True((await scheduler.GetJobDetail(PruneProcessedWebhookEventsJob.Key, CancellationToken.None))!.Durable);

        var source = $"{Source}-{Guid.NewGuid():N}"[..32];
        await AddEventsAsync(source, 5, App.Clock!.GetUtcNow() - TimeSpan.FromDays(30));
        await scheduler.TriggerJob(PruneProcessedWebhookEventsJob.Key, CancellationToken.None);

        await Eventually.HoldsAsync(async () => await CountAsync(source) == 0, TimeSpan.FromSeconds(20), "the fired job prunes the expired ids");
    }

    private Task<int> AddEventsAsync(string source, int count, DateTimeOffset receivedAt) => App.WithDbAsync(db =>
    {
        db.ProcessedWebhookEvents.AddRange(Enumerable.Range(0, count).Select(_ => new ProcessedWebhookEvent
        {
            Source = source,
            EventId = Guid.NewGuid().ToString("N"),
            ReceivedAt = receivedAt,
        }));
        return db.SaveChangesAsync();
    });

    private Task<int> CountAsync(string source) => App.WithDbAsync(db => db.ProcessedWebhookEvents.CountAsync(e => e.Source == source));

    private async Task<int> PruneAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        return await scope.ServiceProvider.GetRequiredService<PruneProcessedWebhookEvents>().RunAsync(CancellationToken.None);
    }
}
