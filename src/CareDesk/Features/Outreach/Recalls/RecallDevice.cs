using CareDesk.Features.Devices;
using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// One affected device of a recall and what became of it (F21a): its owner notified (by which channel), reached,
/// confirmed they understood, and the device returned or corrected. Written for every selected device at once; the
/// call list has one member per person, so an outcome marks all of that person's devices.
/// </summary>
public sealed class RecallDevice
{
    public const string BySerialRange = "serial-range";
    public const string ByLot = "lot";
    public const string ByShipmentList = "shipment-list";
    public const string ByModel = "model";

    public Guid RecallId { get; set; }

    public Guid DeviceId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>What selected it: <see cref="BySerialRange"/>, <see cref="ByLot"/>, <see cref="ByShipmentList"/>, <see cref="ByModel"/>.</summary>
    public string? MatchedBy { get; set; }

    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>The channel the notice first went out on (phone, email, post).</summary>
    public string? NotifiedBy { get; set; }

    public DateTimeOffset? ReachedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>The last call's outcome (kebab-case), for the list.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

internal sealed class RecallDeviceConfiguration : IEntityTypeConfiguration<RecallDevice>
{
    public void Configure(EntityTypeBuilder<RecallDevice> builder)
    {
        builder.ToTable("recall_devices");
        builder.HasKey(d => new { d.RecallId, d.DeviceId });
        builder.Property(d => d.MatchedBy).HasMaxLength(16);
        builder.Property(d => d.NotifiedBy).HasMaxLength(16);
        builder.Property(d => d.Outcome).HasMaxLength(32);
        builder.HasOne<Recall>().WithMany().HasForeignKey(d => d.RecallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Device>().WithMany().HasForeignKey(d => d.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        // An outcome marks one person's devices in the recall.
        builder.HasIndex(d => new { d.RecallId, d.PersonId });
    }
}
