using Microsoft.Extensions.Options;

namespace CareDesk.Relay;

/// <summary>
/// Delivers spooled events until CareDesk accepts each: the events of one call one after another in arrival order
/// (a call's <c>ended</c> never overtakes its <c>ringing</c>), different calls side by side (at most
/// <see cref="RelayOptions.MaxConcurrentDeliveries"/> requests at once). A failed attempt is retried after a backoff for as
/// long as it takes; an event CareDesk refuses as invalid goes to the dead-letter folder and the call's next event follows.
/// </summary>
public sealed class Deliveries(
    Spool spool,
    CareDeskWebhook webhook,
    Backoff backoff,
    OutageLog outage,
    IOptions<RelayOptions> options,
    TimeProvider time,
    ILogger<Deliveries> logger) : IHostedService, IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedList<long, SpooledEvent>> calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> workers = new(StringComparer.Ordinal);
    private readonly List<TaskCompletionSource> idleWaiters = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim requests = new(options.Value.MaxConcurrentDeliveries);
    private bool started;

    /// <summary>Queues a spooled event behind the earlier events of its call.</summary>
    public void Enqueue(SpooledEvent spooled)
    {
        lock (gate)
        {
            if (!calls.TryGetValue(spooled.CallId, out var queue))
            {
                calls[spooled.CallId] = queue = [];
            }

            queue.Add(spooled.Sequence, spooled);
            if (started && !workers.ContainsKey(spooled.CallId))
            {
                StartWorker(spooled.CallId);
            }
        }
    }

    /// <summary>Completes when nothing is waiting for delivery (for tests and a clean shutdown check).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            if (calls.Count == 0)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idleWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (spool.Recovered.Count > 0)
        {
            logger.LogInformation("{Count} events found in the spool from before the start; delivering them first.", spool.Recovered.Count);
        }

        lock (gate)
        {
            foreach (var spooled in spool.Recovered)
            {
                if (!calls.TryGetValue(spooled.CallId, out var queue))
                {
                    calls[spooled.CallId] = queue = [];
                }

                queue.Add(spooled.Sequence, spooled);
            }

            started = true;
            foreach (var callId in calls.Keys)
            {
                StartWorker(callId);
            }
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        Task[] running;
        lock (gate)
        {
            running = [.. workers.Values];
        }

        // Whatever is not delivered stays in the spool for the next start.
        await Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        stopping.Dispose();
        requests.Dispose();
    }

    private void StartWorker(string callId) => workers[callId] = Task.Run(() => DeliverCallAsync(callId));

    private async Task DeliverCallAsync(string callId)
    {
        try
        {
            while (true)
            {
                SpooledEvent next;
                lock (gate)
                {
                    var queue = calls[callId];
                    if (queue.Count == 0)
                    {
                        calls.Remove(callId);
                        workers.Remove(callId);
                        if (calls.Count == 0)
                        {
                            idleWaiters.ForEach(waiter => waiter.TrySetResult());
                            idleWaiters.Clear();
                        }

                        return;
                    }

                    next = queue.Values[0];
                }

                await DeliverAsync(next, stopping.Token);
                lock (gate)
                {
                    calls[callId].Remove(next.Sequence);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the event stays in the spool.
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The spool cannot be written (disk full, permissions): stop this call rather than lose track of its events;
            // they are still in pending/ and are delivered after the next start.
            logger.LogError(error, "The spool could not be updated for a call; its events wait for the next start.");
            lock (gate)
            {
                workers.Remove(callId);
            }
        }
    }

    private async Task DeliverAsync(SpooledEvent spooled, CancellationToken cancellationToken)
    {
        var failed = 0;
        while (true)
        {
            DeliveryOutcome outcome;
            await requests.WaitAsync(cancellationToken);
            var attempt = outage.Attempting();
            try
            {
                outcome = await webhook.SendAsync(spooled, cancellationToken);
            }
            finally
            {
                requests.Release();
            }

            switch (outcome)
            {
                case DeliveryOutcome.Accepted:
                    Spool.Complete(spooled);
                    outage.Accepted(attempt);
                    return;
                case DeliveryOutcome.Refused refused:
                    var path = spool.DeadLetter(spooled, refused.Reason);
                    outage.Accepted(attempt);
                    logger.LogWarning("CareDesk refused event {EventId} of call {CallId} as invalid; kept in {Path} with the reason.", spooled.EventId, spooled.CallId, path);
                    return;
                case DeliveryOutcome.Retry retry:
                    failed++;
                    outage.AttemptFailed(attempt, retry.Reason);
                    await Task.Delay(backoff.Next(failed, retry.RetryAfter), time, cancellationToken);
                    break;
            }
        }
    }
}
