using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// One person on a campaign's call list: whether they are in it (or why not), how many tries were made, when the next
/// may be, and what came of it. Written for a whole list at once when the list is built.
/// </summary>
public sealed class CampaignMember
{
    public const string DoNotContact = "do-not-contact";
    public const string NoConsent = "no-consent";
    public const string NoValidNumber = "no-valid-number";
    public const string Fatigue = "fatigue";

    public Guid CampaignId { get; set; }

    public Guid PersonId { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>Why the person is left out: <see cref="DoNotContact"/>, <see cref="NoConsent"/>, <see cref="NoValidNumber"/>.</summary>
    public string? Exclusion { get; set; }

    public int Attempts { get; set; }

    /// <summary>
    /// Not before this time: when the list was built, then a retry's spacing, a fatigue rule's "until", a requested
    /// callback, or a claim's expiry while an agent holds the person. Never null, so "what is due" is an index range.
    /// </summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The rule that last held the person back, for the progress page.</summary>
    public string? HeldBy { get; set; }

    public OutreachOutcome? LastOutcome { get; set; }

    public DateTimeOffset? ReachedAt { get; set; }

    /// <summary>A supervisor let the next try pass cooldown, caps and quiet hours (with a reason, audited).</summary>
    public string? OverrideReason { get; set; }

    public string? OverrideBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>A follow-up's event (F20): when it happened, the device, the case, the promise's note — the context on screen.</summary>
    public Guid? EventId { get; set; }

    public DateTimeOffset? EventAt { get; set; }

    public Guid? DeviceId { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>Who may take it when the rule asks for someone who knows the device: its model and maker.</summary>
    public string? SkillModelId { get; set; }

    public string? SkillMakerId { get; set; }
}

internal sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> builder)
    {
        builder.ToTable("campaign_members");
        builder.HasKey(m => new { m.CampaignId, m.PersonId });
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16).HasDefaultValue(MemberStatus.Pending).HasSentinel(MemberStatus.Pending);
        builder.Property(m => m.Attempts).HasDefaultValue(0);
        builder.Property(m => m.Exclusion).HasMaxLength(32);
        builder.Property(m => m.HeldBy).HasMaxLength(32);
        builder.Property(m => m.LastOutcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.OverrideReason).HasMaxLength(500);
        builder.Property(m => m.OverrideBy).HasMaxLength(450);
        builder.Property(m => m.SkillModelId).HasMaxLength(64);
        builder.Property(m => m.SkillMakerId).HasMaxLength(64);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        // "What is due next in this campaign", and "every list this person is on" (do not contact, a withdrawn consent).
        builder.HasIndex(m => new { m.CampaignId, m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.PersonId, m.Status });
        // A case's follow-ups; only follow-ups have a case, so list members carry no index entry.
        builder.HasIndex(m => m.CaseId).HasFilter("\"CaseId\" IS NOT NULL");
    }
}
