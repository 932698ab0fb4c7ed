using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Cases;

/// <summary>
/// A file on a case: a photo of a device, of a meter's screen, a scanned letter (F11). The bytes live in the row itself
/// (docs/adr/0004-case-attachments-in-the-database.md): every node reads them from the database it already shares, and an
/// upload, its timeline entry and its audit entry commit together. Lists never load <see cref="Content"/>.
/// </summary>
public sealed class CaseAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    /// <summary>The name the file had on the uploader's computer, cleaned of any path: it may name the person, so masked viewers do not see it.</summary>
    [PersonalData]
    public required string FileName { get; set; }

    /// <summary>What the file's first bytes say it is (<see cref="AttachmentKinds"/>), never what the uploader claimed.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>The file itself; marked personal so the audit trail records it as masked, never its bytes.</summary>
    [PersonalData]
    public required byte[] Content { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ToTable("case_attachments");
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedBy).HasMaxLength(450);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.UploadedAt });
    }
}
