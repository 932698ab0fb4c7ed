using System.Collections.Concurrent;
using CareDesk.Platform.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareDesk.Tests.Platform;

/// <summary>Each open desktop shows a user's live pushes in the order they were published, whatever each one takes.</summary>
public sealed class UserChannelOrderTests
{
    [Fact]
    public async Task A_desktop_receives_pushes_in_publish_order_even_when_an_earlier_one_takes_longer_to_show()
    {
        var channel = new UserChannel<int>(NullLogger.Instance);
        var shown = new ConcurrentQueue<int>();
        var slowFirst = new TaskCompletionSource();
        var all = new TaskCompletionSource();
        using var desktop = channel.Subscribe("agent", async n =>
        {
            if (n == 0)
            {
                // The first push is still loading its card when the next ones arrive.
                await slowFirst.Task;
            }

            await Task.Yield();
            shown.Enqueue(n);
            if (shown.Count == 20)
            {
                all.SetResult();
            }
        });

        for (var n = 0; n < 20; n++)
        {
            channel.Publish("agent", n);
        }

        await Task.Delay(50);
        Assert.Empty(shown);
        slowFirst.SetResult();
        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(0, 20), shown);
    }

    [Fact]
    public async Task A_push_that_fails_on_a_desktop_does_not_stop_the_next_one()
    {
        var channel = new UserChannel<int>(NullLogger.Instance);
        var next = new TaskCompletionSource<int>();
        using var desktop = channel.Subscribe("agent", n => n == 1 ? throw new InvalidOperationException("circuit gone") : Task.Run(() => next.TrySetResult(n)));

        channel.Publish("agent", 1);
        channel.Publish("agent", 2);

        Assert.Equal(2, await next.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
