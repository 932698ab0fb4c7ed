using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Platform.Audit;

/// <summary>
/// One line of the append-only audit log. It is written unsealed in the transaction of what it records, and sealed
/// right after the commit by <see cref="AuditSealer"/>: given its place in the chain (<see cref="SealOrder"/>) and a
/// <see cref="Hash"/> that covers every field and the previous entry's hash, so changing or removing any sealed entry
/// breaks the chain from that point on (docs/adr/0006-audit-sealed-after-commit.md).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>
    /// The entry's number, given by the database when it is written: increasing, but with gaps (a rolled-back
    /// transaction burns its numbers) and, across nodes, not in commit order. The chain's order is <see cref="SealOrder"/>.
    /// </summary>
    public long Sequence { get; set; }

    /// <summary>Position in the hash chain, gapless from 1; null until the sealer has chained the entry.</summary>
    public long? SealOrder { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>User id, or <c>system:&lt;component&gt;</c> for background work.</summary>
    public required string ActorId { get; set; }

    /// <summary>The actor's sign-in name at the time (users can be renamed later).</summary>
    public string? ActorName { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>JSON object: field → { "old": …, "new": … }.</summary>
    public string? Changes { get; set; }

    public string? Reason { get; set; }

    public string? RequestId { get; set; }

    /// <summary>
    /// The people (data subjects) whose data this entry read or was refused, comma-separated ids: one entry per
    /// request however many people a search or a list showed. Indexed through <see cref="AuditSubject"/>.
    /// </summary>
    public string? Subjects { get; set; }

    /// <summary>The hash of the entry before it in the chain; null until sealed.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>Null until sealed.</summary>
    public string? Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        // Numbered by the database (an identity on PostgreSQL, AUTOINCREMENT on SQLite): no writer reads the last
        // entry, so concurrent writers need no lock.
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(128);
        builder.Property(e => e.EntityId).HasMaxLength(128);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.RequestId).HasMaxLength(128);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.Sequence });
        builder.HasIndex(e => new { e.ActorId, e.Sequence });
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.SealOrder).IsUnique();
        // The sealer's work list: small, because entries are sealed within moments of their commit.
        builder.HasIndex(e => e.Sequence, "IX_audit_entries_unsealed").HasFilter("\"SealOrder\" IS NULL");
    }
}
