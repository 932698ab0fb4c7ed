using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Imports;

public enum DuplicateCandidateStatus
{
    Open,

    /// <summary>A supervisor confirmed the row is the person it was merged into.</summary>
    Confirmed,

    /// <summary>A supervisor said it is someone else: to be separated by hand (merge and unmerge, F4).</summary>
    Rejected,
}

/// <summary>
/// A row merged on weaker evidence (name and date of birth with another phone), kept for a supervisor to confirm:
/// common names share birthdays by chance at volume.
/// </summary>
public sealed class DuplicateCandidate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public Guid ImportId { get; set; }

    public int FileIndex { get; set; }

    public int Record { get; set; }

    public required string Basis { get; set; }

    public DuplicateCandidateStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> builder)
    {
        builder.ToTable("duplicate_candidates");
        builder.Property(c => c.Basis).HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ResolvedBy).HasMaxLength(450);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => c.PersonId);
    }
}
