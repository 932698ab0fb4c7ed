using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Imports;

/// <summary>One uploaded file of an import, in the order given, with what was detected in it and the mapping used.</summary>
public sealed class ImportFile
{
    public Guid ImportId { get; set; }

    /// <summary>0-based position in the import: files are processed in this order.</summary>
    public int Index { get; set; }

    public required string FileName { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    /// <summary><c>csv</c> or <c>xlsx</c>.</summary>
    public required string Kind { get; set; }

    public string? Encoding { get; set; }

    public string? Delimiter { get; set; }

    public string? SheetName { get; set; }

    /// <summary><c>zh</c>, <c>en</c>, <c>mixed</c> or <c>unknown</c>.</summary>
    public required string HeaderLanguage { get; set; }

    public List<string> Headers { get; set; } = [];

    /// <summary>The confirmed mapping: field → 0-based column.</summary>
    public Dictionary<string, int> Mapping { get; set; } = [];

    public int Records { get; set; }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> builder)
    {
        builder.ToTable("import_files");
        builder.HasKey(f => new { f.ImportId, f.Index });
        builder.Property(f => f.FileName).HasMaxLength(260);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Kind).HasMaxLength(8);
        builder.Property(f => f.Encoding).HasMaxLength(16);
        builder.Property(f => f.Delimiter).HasMaxLength(1);
        builder.Property(f => f.SheetName).HasMaxLength(100);
        builder.Property(f => f.HeaderLanguage).HasMaxLength(8);
        builder.PrimitiveCollection(f => f.Headers);
        builder.Property(f => f.Mapping).AsJson();
    }
}
