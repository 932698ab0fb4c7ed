using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareDesk.Platform.Audit;

/// <summary>The hash chain: how an entry's hash is computed, and how the whole log is checked.</summary>
public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    // PostgreSQL keeps microseconds, but SQLite stores times through EF's DateTimeOffsetToBinaryConverter,
    // which keeps only 1/10 ms (1,000 ticks).
    private const long StoredPrecisionTicks = TimeSpan.TicksPerMillisecond / 10;

    /// <summary>Both databases keep 1/10 ms; hashing finer ticks would break verification after a round-trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % StoredPrecisionTicks), TimeSpan.Zero);
    }

    public static string ComputeHash(AuditEntry entry)
    {
        // Length-prefixed fields: no separator can be forged by a value that contains it.
        var builder = new StringBuilder();
        Append(builder, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(builder, entry.ActorId);
        Append(builder, entry.ActorName);
        Append(builder, entry.Action);
        Append(builder, entry.EntityType);
        Append(builder, entry.EntityId);
        Append(builder, entry.Changes);
        Append(builder, entry.Reason);
        Append(builder, entry.RequestId);
        Append(builder, entry.PreviousHash);
        if (entry.Subjects is not null)
        {
            // Only entries that name their data subjects carry the field: older entries keep their hashes.
            Append(builder, entry.Subjects);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash);
    }

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-1:");
            return;
        }

        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
