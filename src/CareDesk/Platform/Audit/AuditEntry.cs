using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Platform.Audit;

/// <summary>
/// One line of the append-only audit log. <see cref="Hash"/> covers every field and the previous entry's hash,
/// so changing or removing any entry breaks the chain from that point on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, gapless from 1.</summary>
    public long Sequence { get; set; }

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

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
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
    }
}

/// <summary>One person named by an audit entry's <see cref="AuditEntry.Subjects"/>: "who read this person" is an index lookup.</summary>
[NotAudited]
public sealed class AuditSubject
{
    /// <summary>The entity type of every subject: a person (the audit's data subject, F32).</summary>
    public const string EntityType = "Person";

    public long Sequence { get; set; }

    public required string SubjectId { get; set; }
}

internal sealed class AuditSubjectConfiguration : IEntityTypeConfiguration<AuditSubject>
{
    public void Configure(EntityTypeBuilder<AuditSubject> builder)
    {
        builder.ToTable("audit_subjects");
        builder.HasKey(s => new { s.Sequence, s.SubjectId });
        builder.Property(s => s.SubjectId).HasMaxLength(128);
        builder.HasIndex(s => new { s.SubjectId, s.Sequence });
        builder.HasOne<AuditEntry>().WithMany().HasForeignKey(s => s.Sequence).OnDelete(DeleteBehavior.Cascade);
    }
}
