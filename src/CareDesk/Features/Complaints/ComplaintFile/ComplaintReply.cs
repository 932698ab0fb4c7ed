using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// One reply sent to the complainant (F16), kept for good: a second letter never replaces the first, so the file shows
/// everything the maker told the caller, with who sent it and when. The complaint's own reply fields hold the latest.
/// </summary>
public sealed class ComplaintReply
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ComplaintId { get; set; }

    public required string Language { get; set; }

    /// <summary>The text as sent, in the complainant's language.</summary>
    [PersonalData]
    public required string Text { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public required string SentBy { get; set; }

    /// <summary>When it was recorded: orders two replies sent at the same moment.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class ComplaintReplyConfiguration : IEntityTypeConfiguration<ComplaintReply>
{
    public void Configure(EntityTypeBuilder<ComplaintReply> builder)
    {
        builder.ToTable("complaint_replies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Language).HasMaxLength(16);
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.SentBy).HasMaxLength(450);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ComplaintId, r.SentAt });
    }
}
