using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// One grant or withdrawal of consent (F19), append-only: a person × purpose × channel, the exact wording shown or read
/// out, how it was given, who recorded it and when. What a person consents to now is the newest entry per purpose and
/// channel (<see cref="ConsentLedger"/>); nothing here is ever changed or deleted.
/// </summary>
public sealed class ConsentEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public OutreachPurpose Purpose { get; set; }

    public OutreachChannel Channel { get; set; }

    public bool Granted { get; set; }

    /// <summary>The exact text shown or read out.</summary>
    public required string Wording { get; set; }

    /// <summary>The versioned consent text the wording came from, when it came from one.</summary>
    public Guid? ConsentTextId { get; set; }

    /// <summary>The language the wording was given in (zh-CN, en).</summary>
    public string? Language { get; set; }

    public ConsentMethod Method { get; set; }

    /// <summary>The call (or other contact) it was given on.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>For an import or paper form: where it came from (the file, the form's reference).</summary>
    public string? Source { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class ConsentEntryConfiguration : IEntityTypeConfiguration<ConsentEntry>
{
    public void Configure(EntityTypeBuilder<ConsentEntry> builder)
    {
        builder.ToTable("consent_entries");
        builder.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Wording).HasMaxLength(2000);
        builder.Property(e => e.Language).HasMaxLength(16);
        builder.Property(e => e.Source).HasMaxLength(300);
        builder.Property(e => e.RecordedBy).HasMaxLength(450);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ConsentText>().WithMany().HasForeignKey(e => e.ConsentTextId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Restrict);
        // The newest entry per person, purpose and channel is the consent in force: one index seek.
        builder.HasIndex(e => new { e.PersonId, e.Purpose, e.Channel, e.RecordedAt });
    }
}
