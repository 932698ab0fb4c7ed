using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Imports;

/// <summary>
/// A source's saved mapping: the corrections a person made to the guessed mapping, by header as written, applied the
/// next time a file from that source has the same header.
/// </summary>
public sealed class ImportSource
{
    /// <summary>The source name, trimmed and lower-cased.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    /// <summary>Header as written → field, or "" for "read no field from this column".</summary>
    public Dictionary<string, string> FieldByHeader { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

internal sealed class ImportSourceConfiguration : IEntityTypeConfiguration<ImportSource>
{
    public void Configure(EntityTypeBuilder<ImportSource> builder)
    {
        builder.ToTable("import_sources");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.UpdatedBy).HasMaxLength(450);
        builder.Property(s => s.FieldByHeader).AsJson();
    }
}
