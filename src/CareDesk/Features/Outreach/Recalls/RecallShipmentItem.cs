using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// One serial number or lot from an uploaded shipment list of a recall: the devices of the recalled models that carry
/// it are affected, in addition to the ranges and lots of the recall itself.
/// </summary>
public sealed class RecallShipmentItem
{
    public const string Serial = "serial";
    public const string Lot = "lot";

    public Guid RecallId { get; set; }

    /// <summary><see cref="Serial"/> or <see cref="Lot"/>.</summary>
    public required string Kind { get; set; }

    public required string Value { get; set; }
}

internal sealed class RecallShipmentItemConfiguration : IEntityTypeConfiguration<RecallShipmentItem>
{
    public void Configure(EntityTypeBuilder<RecallShipmentItem> builder)
    {
        builder.ToTable("recall_shipment_items");
        builder.HasKey(i => new { i.RecallId, i.Kind, i.Value });
        builder.Property(i => i.Kind).HasMaxLength(8);
        builder.Property(i => i.Value).HasMaxLength(64);
        builder.HasOne<Recall>().WithMany().HasForeignKey(i => i.RecallId).OnDelete(DeleteBehavior.Cascade);
    }
}
