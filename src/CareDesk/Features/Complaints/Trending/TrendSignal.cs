using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// A significant rise of one model's complaint rate for one IMDRF problem code in one month (<see cref="UChart"/>'s rules),
/// raised once per model, code and month. Each is an <c>eu-trend-report</c> candidate for quality (MDR Art. 88,
/// IVDR Art. 83): <see cref="Kind"/> says so, and every <see cref="ITrendSignalObserver"/> hears it in the same
/// transaction (the hook the obligations list plugs into).
/// </summary>
public sealed class TrendSignal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string ModelId { get; set; }

    public required string Code { get; set; }

    public int Month { get; set; }

    /// <summary><c>action-limit</c> (above ū + 3σ) or <c>two-of-three-warning</c> (two of three months above ū + 2σ).</summary>
    public required string Rule { get; set; }

    /// <summary><c>eu-trend-report</c>: the obligation kind of issue 12 this signal calls for.</summary>
    public required string Kind { get; set; }

    public long Complaints { get; set; }

    public long Units { get; set; }

    public double Rate { get; set; }

    public double CentreLine { get; set; }

    public double ActionLimit { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>When quality recorded its decision on the trend report (set by the obligations list once it takes signals over).</summary>
    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }
}

internal sealed class TrendSignalConfiguration : IEntityTypeConfiguration<TrendSignal>
{
    public void Configure(EntityTypeBuilder<TrendSignal> builder)
    {
        builder.ToTable("trend_signals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ModelId).HasMaxLength(64);
        builder.Property(s => s.Code).HasMaxLength(16);
        builder.Property(s => s.Rule).HasMaxLength(32);
        builder.Property(s => s.Kind).HasMaxLength(32);
        builder.Property(s => s.ReviewedBy).HasMaxLength(450);
        builder.HasOne<Catalog.ProductModel>().WithMany().HasForeignKey(s => s.ModelId).OnDelete(DeleteBehavior.Restrict);
        // Raised once: a second coding in the same month finds it.
        builder.HasIndex(s => new { s.ModelId, s.Code, s.Month }).IsUnique();
        builder.HasIndex(s => s.RaisedAt);
    }
}
