using CareDesk.Features.Devices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints;

/// <summary>Why quality closed the file (F16).</summary>
public enum ComplaintClosure
{
    NoFaultFound,
    FaultConfirmedCorrected,
    UseError,
    DuplicateOfLinkedEvent,
    InsufficientInformation,
    Other,
}

/// <summary>
/// The complaint file proper (F16): the device as identified at intake (registry, serial, lot, UDI), the patient, the
/// caller's words, quality's investigation, the product return, the reply and the closure, and the event it belongs to
/// when several reporters told of one event.
/// </summary>
public sealed partial class Complaint
{
    /// <summary>The person's registered device, when the caller's is in the registry.</summary>
    public Guid? DeviceId { get; set; }

    public string? SerialNumber { get; set; }

    public string? LotNumber { get; set; }

    /// <summary>The UDI as scanned or typed (normalised only for storage: trimmed), and its parts as read.</summary>
    public string? UdiText { get; set; }

    public UdiEntry? UdiEntry { get; set; }

    public UdiIssuer? UdiIssuer { get; set; }

    public string? UdiDeviceIdentifier { get; set; }

    public string? UdiLot { get; set; }

    public string? UdiSerial { get; set; }

    public DateOnly? UdiExpiry { get; set; }

    public DateOnly? UdiManufactured { get; set; }

    public PatientInvolvement PatientInvolvement { get; set; }

    public PatientOutcome PatientOutcome { get; set; }

    /// <summary>What the caller said, in their words and language (never translated here).</summary>
    [PersonalData]
    public string? Narrative { get; set; }

    public string? NarrativeLanguage { get; set; }

    public string? InvestigationFindings { get; set; }

    public string? RootCause { get; set; }

    public string? InvestigatedBy { get; set; }

    public DateTimeOffset? InvestigatedAt { get; set; }

    public string? RmaNumber { get; set; }

    public DateTimeOffset? ReturnSentAt { get; set; }

    public DateTimeOffset? ReturnReceivedAt { get; set; }

    public string? ReturnAnalysis { get; set; }

    public string? ReplyLanguage { get; set; }

    [PersonalData]
    public string? ReplyText { get; set; }

    public DateTimeOffset? ReplySentAt { get; set; }

    public string? ReplySentBy { get; set; }

    public ComplaintClosure? ClosureReason { get; set; }

    public string? ClosureNote { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>
    /// One event told by several reporters: every complaint of the group names the group's primary (itself included),
    /// the one with the earliest awareness, on which the reports go out; null when the complaint stands alone.
    /// </summary>
    public Guid? EventPrimaryId { get; set; }

    public string? EventLinkedBy { get; set; }

    public DateTimeOffset? EventLinkedAt { get; set; }

    public bool IsClosed => ClosedAt is not null;
}

internal sealed class ComplaintFileConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.HasOne<Device>().WithMany().HasForeignKey(c => c.DeviceId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.SerialNumber).HasMaxLength(64);
        builder.Property(c => c.LotNumber).HasMaxLength(64);
        builder.Property(c => c.UdiText).HasMaxLength(200);
        builder.Property(c => c.UdiEntry).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.UdiIssuer).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.UdiDeviceIdentifier).HasMaxLength(64);
        builder.Property(c => c.UdiLot).HasMaxLength(64);
        builder.Property(c => c.UdiSerial).HasMaxLength(64);
        builder.Property(c => c.PatientInvolvement).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.PatientOutcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Narrative).HasMaxLength(4000);
        builder.Property(c => c.NarrativeLanguage).HasMaxLength(16);
        builder.Property(c => c.InvestigationFindings).HasMaxLength(4000);
        builder.Property(c => c.RootCause).HasMaxLength(4000);
        builder.Property(c => c.InvestigatedBy).HasMaxLength(450);
        builder.Property(c => c.RmaNumber).HasMaxLength(64);
        builder.Property(c => c.ReturnAnalysis).HasMaxLength(4000);
        builder.Property(c => c.ReplyLanguage).HasMaxLength(16);
        builder.Property(c => c.ReplyText).HasMaxLength(4000);
        builder.Property(c => c.ReplySentBy).HasMaxLength(450);
        builder.Property(c => c.ClosureReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.ClosureNote).HasMaxLength(4000);
        builder.Property(c => c.ClosedBy).HasMaxLength(450);
        builder.Property(c => c.EventLinkedBy).HasMaxLength(450);
        builder.Ignore(c => c.IsClosed);
        // One event, several reporters: matches are looked up by serial and lot.
        builder.HasIndex(c => c.SerialNumber);
        builder.HasIndex(c => c.LotNumber);
        builder.HasIndex(c => c.EventPrimaryId);
    }
}
