using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Outbox;

/// <summary>
/// One pass over the outbox: claim due messages (safe with several nodes: a claim is a conditional update),
/// deliver each through its handler, record success, or schedule a retry with exponential backoff.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<CareDeskDbContext> factory,
    IEnumerable<IOutboxHandler> handlers,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private readonly string node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, IOutboxHandler> handlersByType =
        handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    /// <summary>Returns how many messages were handled (delivered, retried or failed).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.DeliveredAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var id in candidates)
        {
            // The claim repeats every condition of the query: since it ran, another node may have delivered the
            // message, or tried it and pushed NextAttemptAt back, and a retry must wait for its backoff.
            var leaseUntil = now + settings.Lease;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.DeliveredAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                    && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, node).SetProperty(m => m.LockedUntil, leaseUntil), cancellationToken);
            if (claimed == 0)
            {
                continue; // another node took it
            }

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            await DeliverOneAsync(db, message, settings, cancellationToken);
            handled++;
        }

        return handled;
    }

    private async Task DeliverOneAsync(CareDeskDbContext db, OutboxMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        string? error = null;
        var permanent = false;
        try
        {
            if (!handlersByType.TryGetValue(message.Type, out var handler))
            {
                throw new PermanentDeliveryFailureException($"No handler for outbox message type '{message.Type}'.");
            }

            await handler.DeliverAsync(message, cancellationToken);
        }
        catch (PermanentDeliveryFailureException ex)
        {
            error = ex.Message;
            permanent = true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        var now = time.GetUtcNow();
        var query = db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == node);
        if (error is null)
        {
            await query.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.DeliveredAt, now).SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                cancellationToken);
            return;
        }

        var giveUp = permanent || attempts >= settings.MaxAttempts;
        var next = now + Backoff(attempts, settings);
        var truncated = error.Length > 2000 ? error[..2000] : error;
        logger.LogWarning("Outbox message {MessageId} of type {Type} failed attempt {Attempt}; {Outcome}",
            message.Id, message.Type, attempts, giveUp ? "giving up" : "will retry");
        await query.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, truncated)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.FailedAt, giveUp ? now : null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    internal static TimeSpan Backoff(int attempts, OutboxOptions settings)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.InitialBackoff.Ticks * factor, settings.MaxBackoff.Ticks));
        return delay;
    }
}
