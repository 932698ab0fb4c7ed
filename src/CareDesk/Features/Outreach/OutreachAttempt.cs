using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// One try to reach a person for a campaign (F21): handed to an agent by <c>POST /api/outreach/next</c>, closed by its
/// outcome (or withdrawn before the dial when the person says "do not contact", or expired when its agent disappeared).
/// </summary>
public sealed class OutreachAttempt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CampaignId { get; set; }

    public Guid PersonId { get; set; }

    public required string AgentUserId { get; set; }

    /// <summary>The number or address to use (E.164 for phone and SMS).</summary>
    public string? Number { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When the agent confirmed the dial (the claim was still theirs).</summary>
    public DateTimeOffset? DialedAt { get; set; }

    public OutreachOutcome? Outcome { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The contact logged for it (an outbound call on the person's history).</summary>
    public Guid? ContactId { get; set; }

    /// <summary>A supervisor's override the claim used, if any.</summary>
    public string? OverrideReason { get; set; }

    public string? Note { get; set; }

    /// <summary>An outcome and a withdrawal racing each other: one of them finds the attempt changed.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Outcome is null;
}

internal sealed class OutreachAttemptConfiguration : IEntityTypeConfiguration<OutreachAttempt>
{
    public void Configure(EntityTypeBuilder<OutreachAttempt> builder)
    {
        builder.ToTable("outreach_attempts");
        builder.Property(a => a.AgentUserId).HasMaxLength(450);
        builder.Property(a => a.Number).HasMaxLength(320);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.OverrideReason).HasMaxLength(500);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.CampaignId, a.PersonId });
        builder.HasIndex(a => new { a.PersonId, a.ClaimedAt });
        builder.HasIndex(a => new { a.AgentUserId, a.ClosedAt });
    }
}
