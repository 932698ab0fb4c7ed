using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Platform.Audit;

/// <summary>One person named by an audit entry's <see cref="AuditEntry.Subjects"/>: "who read this person" is an index lookup.</summary>
[NotAudited]
public sealed class AuditSubject
{
    /// <summary>The entity type of every subject: a person (the audit's data subject, F32).</summary>
    public const string EntityType = "Person";

    public long Sequence { get; set; }

    public required string SubjectId { get; set; }

    // Written with its entry in one save, before the database has numbered the entry.
    internal AuditEntry? Entry { get; set; }
}

internal sealed class AuditSubjectConfiguration : IEntityTypeConfiguration<AuditSubject>
{
    public void Configure(EntityTypeBuilder<AuditSubject> builder)
    {
        builder.ToTable("audit_subjects");
        builder.HasKey(s => new { s.Sequence, s.SubjectId });
        builder.Property(s => s.SubjectId).HasMaxLength(128);
        builder.HasIndex(s => new { s.SubjectId, s.Sequence });
        builder.HasOne(s => s.Entry).WithMany().HasForeignKey(s => s.Sequence).OnDelete(DeleteBehavior.Cascade);
    }
}
