using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Audit;

/// <summary>The outcome of checking the chain: intact, or the first entry where it breaks and why.</summary>
public sealed record AuditChainReport(bool Intact, long EntriesChecked, long? BrokenAtSequence, string? Problem);

/// <summary>Walks the whole log in order and recomputes every hash.</summary>
public sealed class AuditChainVerifier(IDbContextFactory<CareDeskDbContext> factory)
{
    private const int BatchSize = 5_000;

    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        long checkedCount = 0;
        long expectedSequence = 1;
        var previousHash = AuditChain.GenesisHash;

        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= expectedSequence)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditChainReport(true, checkedCount, null, null);
            }

            foreach (var entry in batch)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return Broken(checkedCount, expectedSequence, "missing");
                }

                if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return Broken(checkedCount, entry.Sequence, "previous-hash-mismatch");
                }

                if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
                {
                    return Broken(checkedCount, entry.Sequence, "content-altered");
                }

                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }
        }
    }

    private static AuditChainReport Broken(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, problem);
}
