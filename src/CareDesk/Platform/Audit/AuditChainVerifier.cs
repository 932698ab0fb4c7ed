using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Audit;

/// <summary>Walks the sealed log in seal order and recomputes every hash.</summary>
public sealed class AuditChainVerifier(IDbContextFactory<CareDeskDbContext> factory)
{
    private const int BatchSize = 5_000;

    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Counted first: an entry sealed while the walk runs is then checked, not counted twice.
        var unsealed = await db.AuditEntries.LongCountAsync(e => e.SealOrder == null, cancellationToken);
        long checkedCount = 0;
        long expectedOrder = 1;
        var previousHash = AuditChain.GenesisHash;

        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.SealOrder >= expectedOrder)
                .OrderBy(e => e.SealOrder)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditChainReport(true, checkedCount, null, null, unsealed);
            }

            foreach (var entry in batch)
            {
                if (entry.SealOrder != expectedOrder)
                {
                    // The entry sealed before this one is gone.
                    return Broken(checkedCount, entry.Sequence, "missing", unsealed);
                }

                if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return Broken(checkedCount, entry.Sequence, "previous-hash-mismatch", unsealed);
                }

                if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
                {
                    return Broken(checkedCount, entry.Sequence, "content-altered", unsealed);
                }

                previousHash = entry.Hash;
                expectedOrder++;
                checkedCount++;
            }
        }
    }

    private static AuditChainReport Broken(long checkedCount, long sequence, string problem, long unsealed) =>
        new(false, checkedCount, sequence, problem, unsealed);
}
