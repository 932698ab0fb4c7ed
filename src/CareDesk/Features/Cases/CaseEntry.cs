using CareDesk.Features.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Cases;

public enum CaseEntryKind
{
    Opened,
    Note,
    Handoff,
    Taken,
    StatusChanged,
    Answer,
    ContactLinked,
    Linked,
    Merged,
    Escalated,
    EscalationAcknowledged,
    EscalationMissed,
    EscalationContacted,
    EscalationExhausted,
    CallbackPromised,
    CallbackDone,
    CallbackOverdue,

    /// <summary>A follow-up promised for later (F20: "we call you back in three months"), made by whoever has the skill then.</summary>
    FollowUpPromised,
    CallbackWarning,
    ServiceLevelWarning,
    ServiceLevelBreached,
    Unlinked,
    ComplaintFlagged,
    ComplaintCleared,
    ComplaintAwarenessCorrected,
    DetailsChanged,
    AttachmentAdded,
    AttachmentRemoved,

    /// <summary>Clinical red-flag questions were answered at intake; the text is coded: <c>flag:answer,…</c>.</summary>
    RedFlagsScreened,

    /// <summary>Quality took the case's complaint out of the event it was linked to; the text is the reason.</summary>
    ComplaintEventUnlinked,
}

/// <summary>One line of a case's timeline: who did what, when (F11). Written in the same transaction as the change.</summary>
public sealed class CaseEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public CaseEntryKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorUserId { get; set; }

    public string? Text { get; set; }

    /// <summary>For handoffs: the owner before and after (<see cref="CaseOwner.ToString"/>).</summary>
    public string? FromOwner { get; set; }

    public string? ToOwner { get; set; }

    /// <summary>For status changes: the new status.</summary>
    public CaseStatus? Status { get; set; }

    public Guid? ContactId { get; set; }

    /// <summary>For links and merges: the other case.</summary>
    public Guid? OtherCaseId { get; set; }
}

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> builder)
    {
        builder.ToTable("case_entries");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.Text).HasMaxLength(8000);
        builder.Property(e => e.FromOwner).HasMaxLength(500);
        builder.Property(e => e.ToOwner).HasMaxLength(500);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.At });
        // A contact is linked to a case once.
        builder.HasIndex(e => new { e.CaseId, e.ContactId }).IsUnique().HasFilter("\"ContactId\" IS NOT NULL");
        builder.HasIndex(e => e.ContactId);
    }
}
