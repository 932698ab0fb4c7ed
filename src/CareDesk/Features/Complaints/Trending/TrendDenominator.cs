using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// Units of one model in use (or shipped) in one month, entered by quality: the denominator of the complaint rate. It
/// wins over the count the device registry gives for that month, which only knows the units registered with CareDesk.
/// </summary>
public sealed class TrendDenominator
{
    public required string ModelId { get; set; }

    /// <summary>The month as <see cref="TrendMonth"/> index.</summary>
    public int Month { get; set; }

    public long Units { get; set; }

    public required string EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}

internal sealed class TrendDenominatorConfiguration : IEntityTypeConfiguration<TrendDenominator>
{
    public void Configure(EntityTypeBuilder<TrendDenominator> builder)
    {
        builder.ToTable("trend_denominators");
        builder.HasKey(d => new { d.ModelId, d.Month });
        builder.Property(d => d.ModelId).HasMaxLength(64);
        builder.Property(d => d.EnteredBy).HasMaxLength(450);
        builder.HasOne<Catalog.ProductModel>().WithMany().HasForeignKey(d => d.ModelId).OnDelete(DeleteBehavior.Cascade);
    }
}
