using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Catalog;

/// <summary>
/// One market of one revision of a model's regulatory profile (F17). A save writes a new revision (all three
/// markets) and keeps the earlier ones: the profile in force at any time can be shown again. The revision's
/// <see cref="Version"/> is what an editor sends back; the unique (model, revision, market) index refuses the second of
/// two saves made on the same revision, which the use case answers as a conflict.
/// </summary>
public sealed class RegulatoryProfileEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string ModelId { get; set; }

    public int Revision { get; set; }

    public Guid Version { get; set; }

    /// <summary>US, EU or CN.</summary>
    public required string Market { get; set; }

    /// <summary>Null: not known (the seed had no public fact).</summary>
    public bool? Sold { get; set; }

    public bool? Ivd { get; set; }

    /// <summary>MDR or IVDR (EU only).</summary>
    public string? Regulation { get; set; }

    public string? DeviceClass { get; set; }

    /// <summary>FDA product code (US only), e.g. NBW.</summary>
    public string? ProductCode { get; set; }

    /// <summary>China: an innovative device (创新医疗器械) in its first registration cycle.</summary>
    public bool? InnovativeFirstCycle { get; set; }

    /// <summary>China: the registration certificate number (注册证编号, e.g. 国械注准20233070001), as NMPA's report asks.</summary>
    public string? RegistrationNumber { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The staff member who saved it; null for the shipped seed.</summary>
    public string? SavedBy { get; set; }
}

internal sealed class RegulatoryProfileEntryConfiguration : IEntityTypeConfiguration<RegulatoryProfileEntry>
{
    public void Configure(EntityTypeBuilder<RegulatoryProfileEntry> builder)
    {
        builder.ToTable("regulatory_profiles");
        builder.Property(e => e.ModelId).HasMaxLength(64);
        builder.Property(e => e.Market).HasMaxLength(2);
        builder.Property(e => e.Regulation).HasMaxLength(8);
        builder.Property(e => e.DeviceClass).HasMaxLength(16);
        builder.Property(e => e.ProductCode).HasMaxLength(8);
        builder.Property(e => e.RegistrationNumber).HasMaxLength(64);
        builder.Property(e => e.SavedBy).HasMaxLength(64);
        builder.HasOne<ProductModel>().WithMany().HasForeignKey(e => e.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ModelId, e.Revision, e.Market }).IsUnique();
    }
}
