using System.Threading.Channels;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Audit;

/// <summary>
/// Seals the audit log: chains the entries written since the last pass, in the order their commits became visible,
/// by giving each the next <see cref="AuditEntry.SealOrder"/>, the previous entry's hash and its own. A pass runs
/// right after every commit that wrote entries (<see cref="Wake"/>), and every
/// <see cref="AuditOptions.SealSweepInterval"/> for entries no commit on this node announced (another node's, whose
/// sealer stopped). Writers never wait for it: it is the only one that reads the chain's end.
/// </summary>
/// <remarks>
/// Why seal order and not <see cref="AuditEntry.Sequence"/>: a transaction can take a lower number and commit after
/// one with a higher number, so chaining by number would either skip the late entry or have to wait for it. Each pass
/// takes what is committed and not yet sealed; an entry that commits later is taken by the next pass.
/// On PostgreSQL a transaction-scoped advisory lock lets one node's sealer run at a time (the others wait for it,
/// then see its seals); the unique index on the seal order refuses a second entry in one place whatever happens.
/// On SQLite the pass's write transaction is the lock.
/// </remarks>
public sealed partial class AuditSealer(
    IServiceScopeFactory scopes,
    IOptions<AuditOptions> options,
    TimeProvider time,
    DatabaseOutage outage,
    ILogger<AuditSealer> logger) : BackgroundService
{
    // Most entries one pass seals; a larger backlog is sealed by the passes that follow at once.
    internal const int BatchSize = 1_000;

    // The key the writers once held for their whole transaction; now only the sealer takes it.
    private const string TakeChainLock = "SELECT pg_advisory_xact_lock(74170001)";

    // One pending wake is enough: a pass seals everything committed before it starts.
    private readonly Channel<bool> wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // One pass at a time on this node (the background loop, or a test or the verifier calling SealAsync).
    private readonly SemaphoreSlim pass = new(1, 1);

    // Set while a pass runs: the pass's own commit wakes nobody.
    private static readonly AsyncLocal<bool> Sealing = new();

    /// <summary>Asks for a pass soon: called after a commit that wrote entries. Never waits.</summary>
    public void Wake()
    {
        if (!Sealing.Value)
        {
            wakes.Writer.TryWrite(true);
        }
    }

    /// <summary>Seals what is committed and unsealed, in batches, until nothing is left; returns how many it sealed.</summary>
    public async Task<long> SealAllAsync(CancellationToken cancellationToken)
    {
        long sealedCount = 0;
        int sealedNow;
        do
        {
            sealedNow = await SealBatchAsync(cancellationToken);
            sealedCount += sealedNow;
        }
        while (sealedNow == BatchSize);

        return sealedCount;
    }

    private async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        await pass.WaitAsync(cancellationToken);
        Sealing.Value = true;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("audit-sealer");
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync(TakeChainLock, cancellationToken);
            }

            var unsealed = await db.AuditEntries
                .Where(e => e.SealOrder == null)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (unsealed.Count == 0)
            {
                return 0; // rolled back: nothing was written
            }

            var last = await db.AuditEntries.AsNoTracking()
                .Where(e => e.SealOrder != null)
                .OrderByDescending(e => e.SealOrder)
                .Select(e => new { e.SealOrder, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var order = last?.SealOrder ?? 0;
            var previousHash = last?.Hash ?? AuditChain.GenesisHash;
            foreach (var entry in unsealed)
            {
                entry.SealOrder = ++order;
                entry.PreviousHash = previousHash;
                entry.Hash = AuditChain.ComputeHash(entry);
                previousHash = entry.Hash;
            }

            await db.SaveAuditRowsAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return unsealed.Count;
        }
        finally
        {
            Sealing.Value = false;
            pass.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        // The sweep is due at fixed points of the clock, not a full interval after the last wake: under steady load
        // the wakes would otherwise put it off for ever (and a moved test clock would find it not yet set).
        var sweepAt = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (now >= sweepAt)
            {
                sweepAt = now + options.Value.SealSweepInterval;
            }

            try
            {
                await SealAllAsync(stoppingToken);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DatabaseOutage.IsUnavailable(ex))
            {
                // The database unreachable: said once for the whole host by the outage tracker; entries wait unsealed.
                outage.Report(ex, "audit sealer");
            }
            catch (Exception ex)
            {
                // Any other failure: one line until a pass succeeds again, not one per pass.
                if (!failing)
                {
                    SealFailed(logger, ex);
                }

                failing = true;
            }

            await WaitForWorkAsync(sweepAt - time.GetUtcNow(), stoppingToken);
        }
    }

    private async Task WaitForWorkAsync(TimeSpan untilSweep, CancellationToken stoppingToken)
    {
        if (untilSweep <= TimeSpan.Zero)
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = wakes.Reader.WaitToReadAsync(wait.Token).AsTask();
        var swept = Task.Delay(untilSweep, time, wait.Token);
        await Task.WhenAny(woken, swept);
        await wait.CancelAsync();
        wakes.Reader.TryRead(out _);
    }

    public override void Dispose()
    {
        pass.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entries could not be sealed; retrying after every commit and sweep interval")]
    private static partial void SealFailed(ILogger logger, Exception exception);
}
