using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// "Do not contact me" set, or lifted, for a person (F19), append-only like the consent ledger: the newest entry is in
/// force. While set, nothing but a safety notice goes out to the person, from any campaign, follow-up or callback.
/// </summary>
public sealed class DoNotContactEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    /// <summary>True: set; false: lifted (the person asked to be contacted again).</summary>
    public bool Active { get; set; }

    public required string Reason { get; set; }

    /// <summary>Where it came from: <c>person-page</c>, <c>api</c>, <c>outreach-call</c>, <c>inbound</c>.</summary>
    public required string Source { get; set; }

    public Guid? ContactId { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class DoNotContactEntryConfiguration : IEntityTypeConfiguration<DoNotContactEntry>
{
    public void Configure(EntityTypeBuilder<DoNotContactEntry> builder)
    {
        builder.ToTable("do_not_contact_entries");
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.Source).HasMaxLength(32);
        builder.Property(e => e.RecordedBy).HasMaxLength(450);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.PersonId, e.RecordedAt });
    }
}
