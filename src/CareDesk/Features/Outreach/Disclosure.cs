using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// What personal data of a person was shared with whom and why (F19), recorded by the feature that shares it (a
/// campaign's call list export, a travel notice); append-only and shown on the person's page.
/// </summary>
public sealed class Disclosure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public RecipientKind RecipientKind { get; set; }

    /// <summary>Who received it: "Shanghai service centre", "Acme Call Services".</summary>
    public required string Recipient { get; set; }

    /// <summary>The kinds of data shared: <c>name</c>, <c>phone</c>, <c>devices</c>, <c>address</c>…</summary>
    public List<string> Data { get; set; } = [];

    public required string Reason { get; set; }

    /// <summary>What shared it: <c>campaign-export</c>, <c>travel-notice</c>, <c>manual</c>.</summary>
    public required string SharedBy { get; set; }

    /// <summary>The campaign, case or notice it belongs to.</summary>
    public Guid? SourceId { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.ToTable("disclosures");
        builder.Property(d => d.RecipientKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Recipient).HasMaxLength(200);
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.Property(d => d.SharedBy).HasMaxLength(32);
        builder.Property(d => d.RecordedBy).HasMaxLength(450);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.PersonId, d.RecordedAt });
    }
}
