using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Catalog;

public enum ModelLinkKind
{
    /// <summary>The consumable (From) works in the device (To): a closed list per consumable.</summary>
    Fits,

    /// <summary>Pairing or integration (CGM ↔ pump, app ↔ meter); stored in both directions; not a closed list.</summary>
    WorksWith,

    /// <summary>An explicit negative between look-alikes callers confuse.</summary>
    NotCompatible,
}

/// <summary>Compatibility between two models: which strips fit which meter, which sets fit which pump.</summary>
public sealed class ModelLink
{
    public required string FromModelId { get; set; }

    public required string ToModelId { get; set; }

    public ModelLinkKind Kind { get; set; }

    /// <summary>The link is not confirmed: offer it as "check with the maker".</summary>
    public bool Uncertain { get; set; }

    /// <summary>Fits only some variants of the device, e.g. "model numbers: MMT-1712" or "not as sold in: US".</summary>
    public string? Condition { get; set; }

    /// <summary>Why two look-alikes are not compatible.</summary>
    public string? Reason { get; set; }
}

internal sealed class ModelLinkConfiguration : IEntityTypeConfiguration<ModelLink>
{
    public void Configure(EntityTypeBuilder<ModelLink> builder)
    {
        builder.ToTable("model_links");
        builder.HasKey(l => new { l.FromModelId, l.ToModelId, l.Kind });
        builder.Property(l => l.FromModelId).HasMaxLength(64);
        builder.Property(l => l.ToModelId).HasMaxLength(64);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Condition).HasMaxLength(500);
        builder.Property(l => l.Reason).HasMaxLength(1000);
        builder.HasOne<ProductModel>().WithMany().HasForeignKey(l => l.FromModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductModel>().WithMany().HasForeignKey(l => l.ToModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ToModelId, l.Kind });
    }
}
