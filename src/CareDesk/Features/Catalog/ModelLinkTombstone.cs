using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Catalog;

/// <summary>
/// A link an admin removed. The catalog seed runs at every start and adds what is missing; it passes over a link with
/// a tombstone, so a removed seed link stays removed. Adding the link again removes its tombstone.
/// </summary>
public sealed class ModelLinkTombstone
{
    public required string FromModelId { get; set; }

    public required string ToModelId { get; set; }

    public ModelLinkKind Kind { get; set; }

    public DateTimeOffset RemovedAt { get; set; }
}

internal sealed class ModelLinkTombstoneConfiguration : IEntityTypeConfiguration<ModelLinkTombstone>
{
    public void Configure(EntityTypeBuilder<ModelLinkTombstone> builder)
    {
        builder.ToTable("model_link_tombstones");
        builder.HasKey(t => new { t.FromModelId, t.ToModelId, t.Kind });
        builder.Property(t => t.FromModelId).HasMaxLength(64);
        builder.Property(t => t.ToModelId).HasMaxLength(64);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ProductModel>().WithMany().HasForeignKey(t => t.FromModelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductModel>().WithMany().HasForeignKey(t => t.ToModelId).OnDelete(DeleteBehavior.Cascade);
    }
}
