using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Something that may call for a follow-up (F20), written in the same transaction as what happened (a device
/// registered or repaired, a complaint resolved, a follow-up promised on a case) and turned into follow-ups by
/// <see cref="ScheduleFollowUps"/> against the rules running then. Kept, with what came of it, as the trail of why a
/// person was called.
/// </summary>
public sealed class FollowUpEvent
{
    public const string Scheduled = "scheduled";
    public const string Moved = "moved";
    public const string NoRule = "no-rule";
    public const string Stale = "stale";
    public const string InProgress = "in-progress";
    public const string NoPerson = "no-person";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public FollowUpTrigger Kind { get; set; }

    /// <summary>The person, when the event knew it; else found from the device or the case.</summary>
    public Guid? PersonId { get; set; }

    public Guid? DeviceId { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>A promised follow-up's rule (the one the promise was made under); else every running rule of the kind.</summary>
    public Guid? CampaignId { get; set; }

    /// <summary>When it happened: the rule's offset counts from here.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>A promised follow-up's own time (the rule's offset does not apply).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>What the agent who promised it wrote, shown to whoever calls.</summary>
    public string? Note { get; set; }

    public string? RecordedBy { get; set; }

    /// <summary>When it was written: a rule answers only events written after it was made.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>What came of it: <see cref="Scheduled"/>, <see cref="Moved"/>, <see cref="NoRule"/>, <see cref="Stale"/>, <see cref="InProgress"/>, <see cref="NoPerson"/>.</summary>
    public string? Result { get; set; }
}

internal sealed class FollowUpEventConfiguration : IEntityTypeConfiguration<FollowUpEvent>
{
    public void Configure(EntityTypeBuilder<FollowUpEvent> builder)
    {
        builder.ToTable("follow_up_events");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.RecordedBy).HasMaxLength(450);
        builder.Property(e => e.Result).HasMaxLength(32);
        // What is still to be turned into follow-ups; and a case's promises.
        builder.HasIndex(e => e.ProcessedAt);
        builder.HasIndex(e => e.CaseId);
    }
}
