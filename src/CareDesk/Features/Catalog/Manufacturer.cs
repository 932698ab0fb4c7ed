using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Catalog;

/// <summary>A device maker, with the names callers actually use for it (罗氏, 强生, 三诺的...).</summary>
public sealed class Manufacturer
{
    /// <summary>Stable key, e.g. <c>roche</c>; never reused.</summary>
    public required string Id { get; set; }

    public required string NameEn { get; set; }

    public string? NameZh { get; set; }

    /// <summary>ISO 3166-1 alpha-2 of the maker's home country.</summary>
    public string? Country { get; set; }

    public List<string> Brands { get; set; } = [];

    public List<string> CallerNames { get; set; } = [];

    public string? ParentId { get; set; }

    public string? Notes { get; set; }
}

internal sealed class ManufacturerConfiguration : IEntityTypeConfiguration<Manufacturer>
{
    public void Configure(EntityTypeBuilder<Manufacturer> builder)
    {
        builder.ToTable("manufacturers");
        builder.Property(m => m.Id).HasMaxLength(64);
        builder.Property(m => m.NameEn).HasMaxLength(200);
        builder.Property(m => m.NameZh).HasMaxLength(200);
        builder.Property(m => m.Country).HasMaxLength(2);
        builder.Property(m => m.ParentId).HasMaxLength(64);
        builder.Property(m => m.Notes).HasMaxLength(4000);
    }
}
