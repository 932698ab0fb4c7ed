using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Information received after the complaint (F17 "later information"): a nurse's letter, the lab result of the
/// returned device. Its receipt time starts any new clock (a supplemental or supplementary report); its answers are
/// <see cref="ComplaintFact"/> rows that carry its id.
/// </summary>
public sealed class ComplaintInformation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ComplaintId { get; set; }

    /// <summary>When anyone acting for the maker received it (not when it was typed in).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Who it came from, in the recorder's words ("hospital", "service analysis", "patient's daughter").</summary>
    public required string Source { get; set; }

    public string? Text { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class ComplaintInformationConfiguration : IEntityTypeConfiguration<ComplaintInformation>
{
    public void Configure(EntityTypeBuilder<ComplaintInformation> builder)
    {
        builder.ToTable("complaint_information");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.ComplaintId, i.ReceivedAt });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(i => i.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Source).HasMaxLength(200);
        builder.Property(i => i.Text).HasMaxLength(8000);
        builder.Property(i => i.RecordedBy).HasMaxLength(450);
    }
}
