using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Imports;

/// <summary>
/// One import of customer lists (F3): the files as uploaded, what was detected in them, the counts, and where the
/// background run stands. The checkpoint (<see cref="FileIndex"/>, <see cref="FileRecordsDone"/>) commits with each
/// batch of rows, so a node killed mid-import continues from the last batch, never twice and never skipping one.
/// </summary>
public sealed class ImportRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Who sent the lists, as named by the importer ("华东医疗器械经销商"); a saved mapping is kept per source.</summary>
    public required string SourceName { get; set; }

    /// <summary>Distributor, dealer, field rep…: the <see cref="FactProvenance.Source"/> of every fact it creates.</summary>
    public FactSource SourceKind { get; set; }

    /// <summary>ISO 3166-1 alpha-2 region a row's phones are read in when the row names no country.</summary>
    public required string DefaultRegion { get; set; }

    /// <summary>Checks, matches and reports every row, and stores no person.</summary>
    public bool DryRun { get; set; }

    public ImportStatus Status { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>SHA-256 over the files' hashes in order: a second upload of the same files is recognised by it.</summary>
    public required string ContentHash { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the run last (re)started, and how many records were done then: the rate and ETA count from here.</summary>
    public DateTimeOffset? ResumedAt { get; set; }

    public int RecordsAtResume { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Records in all files, counted before the first row is matched (for the progress bar).</summary>
    public int RecordsTotal { get; set; }

    public int RecordsDone { get; set; }

    public int Valid { get; set; }

    public int Invalid { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Duplicates { get; set; }

    /// <summary>Rows merged on weaker evidence (name and date of birth) and put in the duplicate-candidates queue.</summary>
    public int ForReview { get; set; }

    /// <summary>The file being worked on (0-based) and how many of its records are done.</summary>
    public int FileIndex { get; set; }

    public int FileRecordsDone { get; set; }

    public List<ImportFile> Files { get; set; } = [];
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("imports");
        builder.Property(i => i.SourceName).HasMaxLength(100);
        builder.Property(i => i.SourceKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.DefaultRegion).HasMaxLength(2);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.FailureReason).HasMaxLength(200);
        builder.Property(i => i.ContentHash).HasMaxLength(64);
        builder.Property(i => i.CreatedBy).HasMaxLength(450);
        builder.HasMany(i => i.Files).WithOne().HasForeignKey(f => f.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.ContentHash);
        builder.HasIndex(i => i.CreatedAt);
    }
}
