using CareDesk.Features.Catalog;
using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Devices;

public enum DeviceStatus
{
    InUse,
    Replaced,
    Returned,
    Lost,
}

/// <summary>One unit a person uses (F6): model, serial or lot, purchase, warranty, status and history.</summary>
public sealed class Device
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public required string ModelId { get; set; }

    public string? SerialNumber { get; set; }

    public string? LotNumber { get; set; }

    public DateOnly? PurchaseDate { get; set; }

    public string? PurchasePlace { get; set; }

    /// <summary>Purchase date plus the model's warranty term, unless overridden.</summary>
    public DateOnly? WarrantyEnd { get; set; }

    /// <summary>Why <see cref="WarrantyEnd"/> differs from the computed one (extended by goodwill, regional term...).</summary>
    public string? WarrantyOverrideReason { get; set; }

    public DeviceStatus Status { get; set; }

    public FactProvenance Provenance { get; set; } = new();

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<DeviceEvent> Events { get; set; } = [];

    /// <summary>The warranty end the model's term gives, or null when purchase date or term is unknown.</summary>
    public static DateOnly? ComputeWarrantyEnd(DateOnly? purchaseDate, int? warrantyMonths) =>
        purchaseDate is { } date && warrantyMonths is { } months ? date.AddMonths(months) : null;
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("devices");
        builder.Property(d => d.ModelId).HasMaxLength(64);
        builder.Property(d => d.SerialNumber).HasMaxLength(64);
        builder.Property(d => d.LotNumber).HasMaxLength(64);
        builder.Property(d => d.PurchasePlace).HasMaxLength(200);
        builder.Property(d => d.WarrantyOverrideReason).HasMaxLength(500);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.ComplexProperty(d => d.Provenance, ProvenanceMapping.Configure);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductModel>().WithMany().HasForeignKey(d => d.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.PersonId);
        builder.HasIndex(d => d.SerialNumber);
    }
}
