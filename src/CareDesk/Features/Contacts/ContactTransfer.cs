using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Contacts;

/// <summary>One transfer of a contact, from whom (a user or team) to whom (a user, a team or an outside number), when.</summary>
public sealed class ContactTransfer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContactId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? FromUserId { get; set; }

    public string? FromTeamId { get; set; }

    public string? ToUserId { get; set; }

    public string? ToTeamId { get; set; }

    /// <summary>Where it went when that is no CareDesk user or team (an extension, a number, a department's line).</summary>
    public string? ToAddress { get; set; }

    public string? Note { get; set; }
}

internal sealed class ContactTransferConfiguration : IEntityTypeConfiguration<ContactTransfer>
{
    public void Configure(EntityTypeBuilder<ContactTransfer> builder)
    {
        builder.ToTable("contact_transfers");
        builder.Property(t => t.FromUserId).HasMaxLength(450);
        builder.Property(t => t.FromTeamId).HasMaxLength(64);
        builder.Property(t => t.ToUserId).HasMaxLength(450);
        builder.Property(t => t.ToTeamId).HasMaxLength(64);
        builder.Property(t => t.ToAddress).HasMaxLength(128);
        builder.Property(t => t.Note).HasMaxLength(500);
        builder.HasIndex(t => new { t.ContactId, t.At });
    }
}
