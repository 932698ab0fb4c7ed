using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CareDesk.Platform.Live;

/// <summary>
/// Live pushes to the open desktops (Blazor circuits) of one user on this node: screen pops, escalation alerts.
/// Several app nodes need a backplane in front of this (PostgreSQL LISTEN/NOTIFY, designed in docs/telephony.md).
/// </summary>
public partial class UserChannel<T>(ILogger logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<T, Task>>> subscribers = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string userId, Func<T, Task> onMessage)
    {
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(userId, _ => new()).TryAdd(id, onMessage);
        return new Subscription(this, userId, id);
    }

    /// <summary>Hands <paramref name="message"/> to each of the user's desktops without waiting for any of them.</summary>
    public void Publish(string userId, T message)
    {
        if (!subscribers.TryGetValue(userId, out var desktops))
        {
            return;
        }

        // Fire and forget per desktop: the sender (a webhook, a timer) must not wait for a browser, and one broken
        // circuit must not keep the others from showing it. The sender's execution context (its culture, its audit
        // actor) must not leak into the circuits.
        using (ExecutionContext.SuppressFlow())
        {
            foreach (var onMessage in desktops.Values)
            {
                _ = Task.Run(() => DeliverAsync(onMessage, message), CancellationToken.None);
            }
        }
    }

    private async Task DeliverAsync(Func<T, Task> onMessage, T message)
    {
        try
        {
            await onMessage(message);
        }
        catch (Exception error)
        {
            LogDeliveryFailed(logger, error, typeof(T).Name);
        }
    }

    private void Unsubscribe(string userId, Guid id)
    {
        if (subscribers.TryGetValue(userId, out var desktops))
        {
            desktops.TryRemove(id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live {Kind} could not be shown on a desktop")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception error, string kind);

    private sealed class Subscription(UserChannel<T> channel, string userId, Guid id) : IDisposable
    {
        public void Dispose() => channel.Unsubscribe(userId, id);
    }
}
