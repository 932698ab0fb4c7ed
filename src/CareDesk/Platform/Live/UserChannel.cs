using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using CareDesk.Platform.Operations;
using Microsoft.Extensions.Logging;

namespace CareDesk.Platform.Live;

/// <summary>
/// Live pushes to the open desktops (Blazor circuits) of one user: screen pops, escalation alerts, findings, presence.
/// Desktops subscribe on the node they are connected to; <see cref="Publish"/> goes through the <see cref="ILiveBackplane"/>
/// it was registered with (<c>services.AddLiveChannel&lt;THub&gt;()</c>), which reaches every node. A channel created
/// outside the host (a component test) delivers in process.
/// </summary>
public partial class UserChannel<T>(ILogger logger) : ILiveChannel
{
    // The server's share of a push: from the sender handing it over until the last of the user's desktops has rendered
    // it (its render batch handed to the circuit's connection). What the browsers then take is theirs.
    private static readonly Meter Meter = new(OperationsSetup.MeterName);
    private static readonly Histogram<double> FanOut = Meter.CreateHistogram<double>(
        "caredesk.live.fanout.duration", "ms", "Time from a live push until every open desktop of its user has rendered it");

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Desktop>> subscribers = new(StringComparer.Ordinal);

    public string Name => GetType().Name;

    public ILiveBackplane Backplane { get; private set; } = InProcessLiveBackplane.Instance;

    public IDisposable Subscribe(string userId, Func<T, Task> onMessage)
    {
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(userId, _ => new()).TryAdd(id, new Desktop(onMessage));
        return new Subscription(this, userId, id);
    }

    /// <summary>Hands <paramref name="message"/> to each of the user's desktops, on every node, without waiting for any of them.</summary>
    public void Publish(string userId, T message) => Backplane.Publish(this, userId, message);

    void ILiveChannel.DeliverFromAnotherNode(string userId, JsonElement message) =>
        Deliver(userId, message.Deserialize<T>(LiveNotice.Json) ?? throw new JsonException($"A {typeof(T).Name} was null."));

    void ILiveChannel.UseBackplane(ILiveBackplane backplane) => Backplane = backplane;

    /// <summary>Hands <paramref name="message"/> to each of the user's desktops on this node without waiting for any of them.</summary>
    internal void Deliver(string userId, T message)
    {
        if (!subscribers.TryGetValue(userId, out var desktops))
        {
            return;
        }

        // Fire and forget per desktop: the sender (a webhook, a timer) must not wait for a browser, and one broken
        // circuit must not keep the others from showing it. The sender's execution context (its culture, its audit
        // actor) must not leak into the circuits. Each desktop shows its pushes in the order they were published (a
        // second call ringing a moment after the first is stacked above it; a call's "answered" never overtakes its
        // "ringing").
        var started = Stopwatch.GetTimestamp();
        var deliveries = new List<Task>(desktops.Count);
        using (ExecutionContext.SuppressFlow())
        {
            foreach (var desktop in desktops.Values)
            {
                deliveries.Add(desktop.Enqueue(onMessage => DeliverAsync(onMessage, message)));
            }

            _ = MeasureAsync(deliveries, started);
        }
    }

    private async Task MeasureAsync(List<Task> deliveries, long started)
    {
        await Task.WhenAll(deliveries);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        FanOut.Record(elapsed, new KeyValuePair<string, object?>("caredesk.live.kind", typeof(T).Name));
        LogFanOut(logger, typeof(T).Name, deliveries.Count, elapsed);
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

    // Debug: the desks bench (bench/desks) turns it on to separate the server's share of a fan-out from the browsers'.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Live {Kind} rendered on {Desktops} desktops in {ElapsedMs:F1} ms")]
    private static partial void LogFanOut(ILogger logger, string kind, int desktops, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live {Kind} could not be shown on a desktop")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception error, string kind);

    // One open desktop: its pushes run one after another, each once the one before it has been shown (or failed).
    private sealed class Desktop(Func<T, Task> onMessage)
    {
        private readonly Lock gate = new();
        private Task last = Task.CompletedTask;

        public Task Enqueue(Func<Func<T, Task>, Task> deliver)
        {
            lock (gate)
            {
                // On the thread pool, never inline on the publisher's thread (the continuation is not synchronous).
                last = last.ContinueWith(_ => deliver(onMessage), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                return last;
            }
        }
    }

    private sealed class Subscription(UserChannel<T> channel, string userId, Guid id) : IDisposable
    {
        public void Dispose() => channel.Unsubscribe(userId, id);
    }
}
