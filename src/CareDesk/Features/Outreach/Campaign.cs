using System.Text.Json;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// An outreach campaign (F21): a purpose, who it targets, the script, the channel, how often to try and when. Its call
/// list is its <see cref="CampaignMember"/>s, built once from the target rule; agents take them one at a time through
/// the <see cref="ContactGuard"/>.
/// </summary>
public sealed class Campaign
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public OutreachPurpose Purpose { get; set; }

    public OutreachChannel Channel { get; set; }

    public TargetRule Target { get; set; } = new();

    /// <summary>The questionnaire version the campaign asks.</summary>
    public Guid? QuestionnaireId { get; set; }

    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long after an unanswered try the next one may be made.</summary>
    public int RetryMinutes { get; set; } = 240;

    /// <summary>Best time of day, in the person's time zone (within the quiet-hours rule).</summary>
    public TimeOnly? BestFrom { get; set; }

    public TimeOnly? BestTo { get; set; }

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>A product or manufacturer an agent must know (their skills) to take this campaign's contacts.</summary>
    public string? RequiredSkill { get; set; }

    public CampaignStatus Status { get; set; }

    /// <summary>
    /// Set, the campaign is a follow-up rule (F20): no list is built; each <see cref="FollowUpTrigger"/> event of a
    /// person's own device or case adds them, due <see cref="OffsetDays"/> later (the target's product models, when
    /// given, limit which devices count).
    /// </summary>
    public FollowUpTrigger? Trigger { get; set; }

    public int? OffsetDays { get; set; }

    /// <summary>A follow-up goes to an agent who knows the event's device (its model or maker in their skills).</summary>
    public bool SkillFromDevice { get; set; }

    /// <summary>When the call list was built.</summary>
    public DateTimeOffset? BuiltAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsSafety => Purpose == OutreachPurpose.SafetyNotice;

    public bool IsFollowUpRule => Trigger is not null;
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RequiredSkill).HasMaxLength(64);
        builder.Property(c => c.Trigger).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.CreatedBy).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // The rule is read whole when the list is built; the list, not the rule, is what is queried.
        builder.Property(c => c.Target).HasMaxLength(8000).HasConversion(
            rule => JsonSerializer.Serialize(rule, Json),
            json => JsonSerializer.Deserialize<TargetRule>(json, Json) ?? new TargetRule(null, null, null, null, null, null, null, null, null),
            new ValueComparer<TargetRule>((a, b) => Equals(JsonSerializer.Serialize(a, Json), JsonSerializer.Serialize(b, Json)), r => JsonSerializer.Serialize(r, Json).GetHashCode(StringComparison.Ordinal), r => r));
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(c => c.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Status);
    }
}
