using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.People;

/// <summary>A postal address, with coordinates where known (to find the nearest pharmacy or service center).</summary>
public sealed class Address
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    /// <summary>home, work, delivery, other.</summary>
    public required string Type { get; set; }

    [PersonalData]
    public required string Line1 { get; set; }

    [PersonalData]
    public string? Line2 { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    [PersonalData]
    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public FactProvenance Provenance { get; set; } = new();
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("addresses");
        builder.Property(a => a.Type).HasMaxLength(32);
        builder.Property(a => a.Line1).HasMaxLength(300);
        builder.Property(a => a.Line2).HasMaxLength(300);
        builder.Property(a => a.City).HasMaxLength(100);
        builder.Property(a => a.Region).HasMaxLength(100);
        builder.Property(a => a.PostalCode).HasMaxLength(20);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.ComplexProperty(a => a.Provenance, ProvenanceMapping.Configure);
        builder.HasIndex(a => a.PersonId);
    }
}
