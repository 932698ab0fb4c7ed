using CareDesk.Features.Contacts;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Telephony;

/// <summary>
/// Forgets processed webhook event ids older than <see cref="TelephonyOptions.ProcessedEventRetention"/>, so the
/// replay table holds days, not years. Deletes in small batches, each its own short transaction, so the webhook
/// never waits long behind it.
/// </summary>
public sealed class PruneProcessedWebhookEvents(CareDeskDbContext db, IOptions<TelephonyOptions> options, TimeProvider time, AuditTrail audit)
{
    internal const int BatchSize = 1_000;

    /// <summary>
    /// Deletes the expired ids; returns how many. Each batch is one set-based DELETE, so a pass racing another (a
    /// test, or a second node before the cluster lock) only deletes fewer rows; it never fails on rows already gone.
    /// A pass stops only on a batch that deleted nothing: a short batch may be one whose rows a racing pass took, with
    /// expired rows still behind them (the racing pass may itself have stopped on an empty batch by then).
    /// The ids are not personal data: the pass is audited as one action naming the count, not one entry per id.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.ProcessedEventRetention;
        var pruned = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Oldest first: a batch is the same rows however the database chooses to read them.
            var deleted = await db.ProcessedWebhookEvents
                .Where(e => e.ReceivedAt < cutoff)
                .OrderBy(e => e.ReceivedAt)
                .Take(BatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            pruned += deleted;
            if (deleted == 0)
            {
                break;
            }
        }

        if (pruned > 0)
        {
            await audit.RecordActionAsync("pruned", nameof(ProcessedWebhookEvent), pruned.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }

        return pruned;
    }
}
