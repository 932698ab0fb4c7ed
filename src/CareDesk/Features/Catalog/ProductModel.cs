using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Catalog;

/// <summary>
/// One product of the catalog (F5): a meter, a strip, a pump, a sensor, an app... Categories and ids follow the
/// shipped reference catalog (<c>bg_meter</c>, <c>test_strip</c>, <c>insulin_pump</c>...).
/// </summary>
public sealed class ProductModel
{
    /// <summary>Stable key, e.g. <c>accu-chek-guide-meter</c>; never reused or renamed.</summary>
    public required string Id { get; set; }

    public required string ManufacturerId { get; set; }

    public string? Brand { get; set; }

    public required string Category { get; set; }

    public string? Subtype { get; set; }

    public required string NameEn { get; set; }

    public string? NameZh { get; set; }

    public List<string> ModelNumbers { get; set; } = [];

    /// <summary>What callers and sellers call it.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Aliases weaker than the entry's confidence: match them, but not as proof.</summary>
    public List<string> UncertainAliases { get; set; } = [];

    /// <summary>Words literally printed on the device or box ("免调码", "NEXT ONE").</summary>
    public List<string> PrintedText { get; set; } = [];

    public List<string> VisualCues { get; set; } = [];

    public string? Coding { get; set; }

    public List<string> Markets { get; set; } = [];

    /// <summary>marketed, recent, legacy, discontinued.</summary>
    public string? Status { get; set; }

    /// <summary>UDI device identifier (GTIN), where verified.</summary>
    public string? UdiDi { get; set; }

    /// <summary>Warranty term in months; a device's warranty end is computed from it.</summary>
    public int? WarrantyMonths { get; set; }

    public string? WarrantyScope { get; set; }

    /// <summary>Device, IVD or software. What the model is per market (class, product code...) is its regulatory profile.</summary>
    public RegulatoryKind? RegulatoryKind { get; set; }

    /// <summary>The question that separates look-alikes ("is there a '+' after 安稳?").</summary>
    public string? Disambiguation { get; set; }

    /// <summary>high, medium, low.</summary>
    public string? Confidence { get; set; }

    public string? Notes { get; set; }

    /// <summary>Optimistic concurrency: an admin sends the version they read; a changed version means 409.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ProductModelConfiguration : IEntityTypeConfiguration<ProductModel>
{
    public void Configure(EntityTypeBuilder<ProductModel> builder)
    {
        builder.ToTable("product_models");
        builder.Property(m => m.Id).HasMaxLength(64);
        builder.Property(m => m.ManufacturerId).HasMaxLength(64);
        builder.Property(m => m.Brand).HasMaxLength(100);
        builder.Property(m => m.Category).HasMaxLength(32);
        builder.Property(m => m.Subtype).HasMaxLength(32);
        builder.Property(m => m.NameEn).HasMaxLength(200);
        builder.Property(m => m.NameZh).HasMaxLength(200);
        builder.Property(m => m.Coding).HasMaxLength(32);
        builder.Property(m => m.Status).HasMaxLength(32);
        builder.Property(m => m.UdiDi).HasMaxLength(64);
        builder.Property(m => m.WarrantyScope).HasMaxLength(500);
        builder.Property(m => m.RegulatoryKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Disambiguation).HasMaxLength(1000);
        builder.Property(m => m.Confidence).HasMaxLength(16);
        builder.Property(m => m.Notes).HasMaxLength(4000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Manufacturer>().WithMany().HasForeignKey(m => m.ManufacturerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.Category);
        builder.HasIndex(m => m.UdiDi);
    }
}
