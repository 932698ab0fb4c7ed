using CareDesk.Platform.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>Retries, backoff and giving up, one dispatcher pass at a time on a clock moved by hand.</summary>
public sealed class OutboxDispatcherTests(ManualOutboxHost app) : IClassFixture<ManualOutboxHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_delivery_failing_twice_is_retried_with_growing_backoff_and_delivered_once()
    {
        var created = app.Time.GetUtcNow();
        var id = await app.AddMessageAsync(TestOutboxHandler.Message(TestDelivery.FailsTimes(2), created));

        await app.DrainAsync();
        var first = await app.FindMessageAsync(id);
        Assert.Equal(1, first!.Attempts);
        Assert.Equal(created + ManualOutboxHost.InitialBackoff, first.NextAttemptAt);
        Assert.Contains("Transient failure 1", first.LastError);
        Assert.Null(first.LockedBy);

        await app.DrainAsync();
        Assert.Equal(1, app.Handler.AttemptsOf(id)); // not due yet

        app.Time.Advance(ManualOutboxHost.InitialBackoff);
        await app.DrainAsync();
        var second = await app.FindMessageAsync(id);
        Assert.Equal(2, second!.Attempts);
        Assert.Equal(app.Time.GetUtcNow() + (2 * ManualOutboxHost.InitialBackoff), second.NextAttemptAt);
        Assert.Contains("Transient failure 2", second.LastError);

        app.Time.Advance((2 * ManualOutboxHost.InitialBackoff) - TimeSpan.FromSeconds(1));
        await app.DrainAsync();
        Assert.Equal(2, app.Handler.AttemptsOf(id)); // still backing off

        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.DrainAsync();
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.DrainAsync();

        var delivered = await app.FindMessageAsync(id);
        Assert.Equal(3, delivered!.Attempts);
        Assert.Equal(created + (3 * ManualOutboxHost.InitialBackoff), delivered.DeliveredAt);
        Assert.Null(delivered.FailedAt);
        Assert.Equal(1, app.Handler.DeliveriesOf(id));
        Assert.Equal(3, app.Handler.AttemptsOf(id));
    }

    [Fact]
    public async Task A_permanent_failure_marks_the_message_failed_at_once_with_its_error()
    {
        var id = await app.AddMessageAsync(TestOutboxHandler.Message(TestDelivery.RefusedForGood, app.Time.GetUtcNow()));

        await app.DrainAsync();
        var failedAt = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.DrainAsync();

        var failed = await app.FindMessageAsync(id);
        Assert.Equal(failedAt, failed!.FailedAt);
        Assert.Equal("Refused by the test handler.", failed.LastError);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.DeliveredAt);
        Assert.Equal(1, app.Handler.AttemptsOf(id));
    }

    [Fact]
    public async Task A_message_still_failing_after_MaxAttempts_is_marked_failed()
    {
        var id = await app.AddMessageAsync(TestOutboxHandler.Message(TestDelivery.FailsAlways, app.Time.GetUtcNow()));

        for (var attempt = 1; attempt <= ManualOutboxHost.MaxAttempts; attempt++)
        {
            await app.DrainAsync();
            app.Time.Advance(TimeSpan.FromMinutes(1)); // the longest backoff
        }

        app.Time.Advance(TimeSpan.FromHours(1));
        await app.DrainAsync();

        var failed = await app.FindMessageAsync(id);
        Assert.Equal(ManualOutboxHost.MaxAttempts, failed!.Attempts);
        Assert.NotNull(failed.FailedAt);
        Assert.Contains($"Transient failure {ManualOutboxHost.MaxAttempts}", failed.LastError);
        Assert.Null(failed.DeliveredAt);
        Assert.Equal(ManualOutboxHost.MaxAttempts, app.Handler.AttemptsOf(id));
    }

    [Fact]
    public async Task A_message_of_a_type_no_handler_delivers_fails_permanently()
    {
        var id = await app.AddMessageAsync(OutboxMessage.Create("no-such-type", "{}", app.Time.GetUtcNow()));

        await app.DrainAsync();

        var failed = await app.FindMessageAsync(id);
        Assert.NotNull(failed!.FailedAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("no-such-type", failed.LastError);
    }

    [Fact]
    public async Task A_retry_is_not_taken_by_another_node_before_its_backoff()
    {
        // Node B reads [first, second] as due and is held delivering first; meanwhile node A tries second, which
        // fails and is pushed back. When B gets to second, it must see the new NextAttemptAt and leave it.
        var now = app.Time.GetUtcNow();
        var first = TestOutboxHandler.Message(TestDelivery.Succeeds, now - TimeSpan.FromSeconds(2));
        var second = TestOutboxHandler.Message(TestDelivery.FailsTimes(1), now - TimeSpan.FromSeconds(1));
        await app.AddMessageAsync(first);
        await app.AddMessageAsync(second);
        var hold = app.Handler.HoldDelivery(first.Id);

        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var nodeA = scopeA.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        var nodeB = scopeB.ServiceProvider.GetRequiredService<OutboxDispatcher>();

        var passB = Task.Run(() => nodeB.DispatchDueAsync(CancellationToken.None));
        await hold.Entered.Task.WaitAsync(Patience);
        var handledByA = await nodeA.DispatchDueAsync(CancellationToken.None);
        hold.Released.TrySetResult();
        var handledByB = await passB.WaitAsync(Patience);

        Assert.Equal(1, handledByA);
        Assert.Equal(1, handledByB);
        Assert.Equal(1, app.Handler.AttemptsOf(second.Id));
        var retried = await app.FindMessageAsync(second.Id);
        Assert.Equal(1, retried!.Attempts);
        Assert.Equal(now + ManualOutboxHost.InitialBackoff, retried.NextAttemptAt);
    }
}
