using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// One IMDRF code of a complaint's investigation (F16, F18): a device problem (annex A) or a health effect (E, F), from
/// the code list of <see cref="Release"/>, who coded it and when. Kept out of <see cref="Complaint"/>'s own table so the
/// trend query reads one narrow, indexed table.
/// </summary>
public sealed class ComplaintCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ComplaintId { get; set; }

    /// <summary>IMDRF annex: A (device problem), E (clinical signs and symptoms), F (health impact).</summary>
    public char Annex { get; set; }

    public required string Code { get; set; }

    /// <summary>The IMDRF release the code was taken from (<see cref="Imdrf.ImdrfTerms.Release"/>), so a later release never changes an old file.</summary>
    public required string Release { get; set; }

    /// <summary>
    /// The catalog model the complaint concerns, copied when coded: the case's device's model, or the one quality named.
    /// Null when neither is known; such codes do not count in any model's trend. Once the complaint file carries its own
    /// product model, coding reads it from there (docs/complaints.md, trending).
    /// </summary>
    public string? ModelId { get; set; }

    /// <summary>
    /// The month of the complaint's awareness in the receiving site's time zone, as <see cref="TrendMonth"/> (year × 12 +
    /// month − 1): the trend groups by it in the database on both providers.
    /// </summary>
    public int Month { get; set; }

    public required string CodedBy { get; set; }

    public DateTimeOffset CodedAt { get; set; }
}

internal sealed class ComplaintCodeConfiguration : IEntityTypeConfiguration<ComplaintCode>
{
    public void Configure(EntityTypeBuilder<ComplaintCode> builder)
    {
        builder.ToTable("complaint_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Annex).HasConversion<string>().HasMaxLength(1);
        builder.Property(c => c.Code).HasMaxLength(16);
        builder.Property(c => c.Release).HasMaxLength(16);
        builder.Property(c => c.ModelId).HasMaxLength(64);
        builder.Property(c => c.CodedBy).HasMaxLength(450);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(c => c.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Catalog.ProductModel>().WithMany().HasForeignKey(c => c.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ComplaintId, c.Annex, c.Code }).IsUnique();
        // The trend: one model's one code, month by month, read from the index alone.
        builder.HasIndex(c => new { c.ModelId, c.Code, c.Month });
    }
}
