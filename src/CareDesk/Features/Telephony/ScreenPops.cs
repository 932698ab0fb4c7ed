using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Telephony;

/// <summary>A call ringing at an agent: whom to pop, and the number to look up.</summary>
/// <param name="FromE164">The caller's number as E.164, or null when the phone system sent none or an unreadable one.</param>
/// <param name="FromRaw">What the phone system sent, to show when it could not be read.</param>
public sealed record ScreenPopRequest(string AgentUserId, Guid ContactId, string CallId, string? FromE164, string? FromRaw, DateTimeOffset At);

/// <summary>
/// Carries screen pops from the webhook to the agent's open desktops. The in-process implementation reaches the
/// circuits of this node only; several app nodes need a backplane behind this interface (PostgreSQL LISTEN/NOTIFY:
/// the webhook node notifies, every node listens and hands the pop to its local <see cref="ScreenPopHub"/>).
/// </summary>
public interface IScreenPopPublisher
{
    Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken);
}

/// <summary>Per-user subscriptions of this node's open desktops (one per Blazor circuit showing the app shell).</summary>
public sealed partial class ScreenPopHub(ILogger<ScreenPopHub> logger) : IScreenPopPublisher
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<ScreenPopRequest, Task>>> subscribers = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string userId, Func<ScreenPopRequest, Task> onPop)
    {
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(userId, _ => new()).TryAdd(id, onPop);
        return new Subscription(this, userId, id);
    }

    public Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken)
    {
        if (!subscribers.TryGetValue(pop.AgentUserId, out var desktops))
        {
            return Task.CompletedTask;
        }

        // Fire and forget per desktop: the phone system's webhook must not wait for a browser, and one broken
        // circuit must not keep the others from popping.
        // The request's execution context (its culture, its audit actor) must not leak into the circuits.
        using (ExecutionContext.SuppressFlow())
        {
            foreach (var onPop in desktops.Values)
            {
                _ = Task.Run(() => DeliverAsync(onPop, pop), CancellationToken.None);
            }
        }

        return Task.CompletedTask;
    }

    private async Task DeliverAsync(Func<ScreenPopRequest, Task> onPop, ScreenPopRequest pop)
    {
        try
        {
            await onPop(pop);
        }
        catch (Exception error)
        {
            LogDeliveryFailed(logger, error, pop.ContactId);
        }
    }

    private void Unsubscribe(string userId, Guid id)
    {
        if (subscribers.TryGetValue(userId, out var desktops))
        {
            desktops.TryRemove(id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Screen pop for contact {ContactId} could not be shown on a desktop")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception error, Guid contactId);

    private sealed class Subscription(ScreenPopHub hub, string userId, Guid id) : IDisposable
    {
        public void Dispose() => hub.Unsubscribe(userId, id);
    }
}
