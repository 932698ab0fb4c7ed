using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Imports;

public enum ImportRowStatus
{
    /// <summary>The first row of a person new to CareDesk: the canonical one.</summary>
    Created,

    /// <summary>The first row of this import naming a person already in CareDesk: that profile was updated.</summary>
    Updated,

    /// <summary>A later row of a person an earlier row of this import created or updated (<see cref="ImportRow.DuplicateOfFile"/>).</summary>
    Duplicate,

    /// <summary>Rejected whole: nothing of it was stored.</summary>
    Invalid,
}

/// <summary>
/// What became of one record of an import's files: the report's row. Keyed by import, file and record number, so a
/// batch written twice (a resumed run) cannot add a row twice.
/// </summary>
public sealed class ImportRow
{
    public Guid ImportId { get; set; }

    public int FileIndex { get; set; }

    /// <summary>1-based among the file's records.</summary>
    public int Record { get; set; }

    /// <summary>The line (CSV) or sheet row (XLSX) it starts on.</summary>
    public int Line { get; set; }

    public ImportRowStatus Status { get; set; }

    /// <summary>JSON array of <c>{ field, column, reason, raw }</c> for an invalid row; null otherwise.</summary>
    public string? Errors { get; set; }

    public Guid? PersonId { get; set; }

    public int? DuplicateOfFile { get; set; }

    public int? DuplicateOfRecord { get; set; }

    /// <summary>Why a row is taken for a known person: <see cref="MatchBasis"/>.</summary>
    public string? Basis { get; set; }

    /// <summary>JSON of the normalized values (<see cref="ImportedValues"/>); null for an invalid row.</summary>
    public string? Values { get; set; }

    /// <summary>What else the import did or could not do with the row (<see cref="ImportNote"/> codes, comma-separated).</summary>
    public string? Notes { get; set; }
}

internal sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<ImportRow> builder)
    {
        builder.ToTable("import_rows");
        builder.HasKey(r => new { r.ImportId, r.FileIndex, r.Record });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Basis).HasMaxLength(32);
        builder.Property(r => r.Notes).HasMaxLength(200);
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ImportId, r.Status });
        builder.HasIndex(r => r.PersonId);
    }
}
