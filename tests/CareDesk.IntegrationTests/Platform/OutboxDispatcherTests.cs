using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>Retries, backoff and giving up, one dispatcher pass at a time on a clock moved by hand.</summary>
public sealed class OutboxDispatcherTests : HostPerTest<ManualOutboxHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_delivery_failing_twice_is_retried_with_growing_backoff_and_delivered_once()
    {
        var created = App.Time.GetUtcNow();
        var id = await App.AddMessageAsync(TestOutboxHandler.Message(TestDelivery.FailsTimes(2), created));

        await App.DrainAsync();
        var first = await App.FindMessageAsync(id);
        Assert.Equal(1, first!.Attempts);
        Assert.Equal(created + ManualOutboxHost.InitialBackoff, first.NextAttemptAt);
        Assert.Contains("Transient failure 1", first.LastError);
        Assert.Null(first.LockedBy);

        await App.DrainAsync();
        Assert.Equal(1, App.Handler.AttemptsOf(id)); // not due yet

        App.Time.Advance(ManualOutboxHost.InitialBackoff);
        await App.DrainAsync();
        var second = await App.FindMessageAsync(id);
        Assert.Equal(2, second!.Attempts);
        Assert.Equal(App.Time.GetUtcNow() + (2 * ManualOutboxHost.InitialBackoff), second.NextAttemptAt);
        Assert.Contains("Transient failure 2", second.LastError);

        App.Time.Advance((2 * ManualOutboxHost.InitialBackoff) - TimeSpan.FromSeconds(1));
        await App.DrainAsync();
        Assert.Equal(2, App.Handler.AttemptsOf(id)); // still backing off

        App.Time.Advance(TimeSpan.FromSeconds(1));
        await App.DrainAsync();
        App.Time.Advance(TimeSpan.FromHours(1));
        await App.DrainAsync();

        var delivered = await App.FindMessageAsync(id);
        Assert.Equal(3, delivered!.Attempts);
        Assert.Equal(created + (3 * ManualOutboxHost.InitialBackoff), delivered.DeliveredAt);
        Assert.Null(delivered.FailedAt);
        Assert.Equal(1, App.Handler.DeliveriesOf(id));
        Assert.Equal(3, App.Handler.AttemptsOf(id));
    }

    [Fact]
    public async Task A_permanent_failure_marks_the_message_failed_at_once_with_its_error()
    {
        var id = await App.AddMessageAsync(TestOutboxHandler.Message(TestDelivery.RefusedForGood, App.Time.GetUtcNow()));

        await App.DrainAsync();
        var failedAt = App.Time.GetUtcNow();
        App.Time.Advance(TimeSpan.FromHours(1));
        await App.DrainAsync();

        var failed = await App.FindMessageAsync(id);
        Assert.Equal(failedAt, failed!.FailedAt);
        Assert.Equal("Refused by the test handler.", failed.LastError);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.DeliveredAt);
        Assert.Equal(1, App.Handler.AttemptsOf(id));
    }

    [Fact]
    public async Task A_message_still_failing_after_MaxAttempts_is_marked_failed()
    {
        var id = await App.AddMessageAsync(TestOutboxHandler.Message(TestDelivery.FailsAlways, App.Time.GetUtcNow()));

        for (var attempt = 1; attempt <= ManualOutboxHost.MaxAttempts; attempt++)
        {
            await App.DrainAsync();
            App.Time.Advance(TimeSpan.FromMinutes(1)); // the longest backoff
        }

        App.Time.Advance(TimeSpan.FromHours(1));
        await App.DrainAsync();

        var failed = await App.FindMessageAsync(id);
        Assert.Equal(ManualOutboxHost.MaxAttempts, failed!.Attempts);
        Assert.NotNull(failed.FailedAt);
        Assert.Contains($"Transient failure {ManualOutboxHost.MaxAttempts}", failed.LastError);
        Assert.Null(failed.DeliveredAt);
        Assert.Equal(ManualOutboxHost.MaxAttempts, App.Handler.AttemptsOf(id));
    }

    [Fact]
    public async Task A_message_of_a_type_no_handler_delivers_fails_permanently()
    {
        var id = await App.AddMessageAsync(OutboxMessage.Create("no-such-type", "{}", App.Time.GetUtcNow()));

        await App.DrainAsync();

        var failed = await App.FindMessageAsync(id);
        Assert.NotNull(failed!.FailedAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("no-such-type", failed.LastError);
    }

    [Fact]
    public async Task A_retry_is_not_taken_by_another_node_before_its_backoff()
    {
        // Node B reads [first, second] as due and is held delivering first; meanwhile node A tries second, which
        // fails and is pushed back. When B gets to second, it must see the new NextAttemptAt and leave it.
        var now = App.Time.GetUtcNow();
        var first = TestOutboxHandler.Message(TestDelivery.Succeeds, now - TimeSpan.FromSeconds(2));
        var second = TestOutboxHandler.Message(TestDelivery.FailsTimes(1), now - TimeSpan.FromSeconds(1));
        await App.AddMessageAsync(first);
        await App.AddMessageAsync(second);
        var hold = App.Handler.HoldDelivery(first.Id);

        await using var scopeA = App.Services.CreateAsyncScope();
        await using var scopeB = App.Services.CreateAsyncScope();
        var nodeA = scopeA.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        var nodeB = scopeB.ServiceProvider.GetRequiredService<OutboxDispatcher>();

        var passB = Task.Run(() => nodeB.DispatchDueAsync(CancellationToken.None));
        await hold.Entered.Task.WaitAsync(Patience);
        var handledByA = await nodeA.DispatchDueAsync(CancellationToken.None);
        hold.Released.TrySetResult();
        var handledByB = await passB.WaitAsync(Patience);

        Assert.Equal(1, handledByA);
        Assert.Equal(1, handledByB);
        Assert.Equal(1, App.Handler.AttemptsOf(second.Id));
        var retried = await App.FindMessageAsync(second.Id);
        Assert.Equal(1, retried!.Attempts);
        Assert.Equal(now + ManualOutboxHost.InitialBackoff, retried.NextAttemptAt);
    }
}
