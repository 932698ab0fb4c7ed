using CareDesk.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Contacts;

public enum ContactDirection
{
    Inbound,
    Outbound,
}

/// <summary>
/// One call, e-mail, chat, video call, letter or visit (F10). Calls are created from the phone system's events,
/// idempotent by (<see cref="Source"/>, <see cref="ExternalId"/>).
/// </summary>
public sealed class Contact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The person it was with, once known (an unknown caller may be linked after quick-create).</summary>
    public Guid? PersonId { get; set; }

    public ContactChannel Channel { get; set; }

    public ContactDirection Direction { get; set; }

    /// <summary>Where it came from: <c>telephony</c>, <c>api</c>, <c>agent</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The source's id (a call id); unique per source.</summary>
    public string? ExternalId { get; set; }

    /// <summary>E.164 when parseable, else as received.</summary>
    public string? FromAddress { get; set; }

    public string? ToAddress { get; set; }

    public string? AgentUserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? RingingAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool Missed { get; set; }

    public string? Outcome { get; set; }

    public string? Notes { get; set; }

    public string? Subject { get; set; }

    /// <summary>When it entered the queue (a call waiting for an agent, a chat or e-mail waiting to be taken).</summary>
    public DateTimeOffset? QueuedAt { get; set; }

    /// <summary>Total time the customer was put on hold.</summary>
    public int HoldSeconds { get; set; }

    public int HoldCount { get; set; }

    /// <summary>Set while a call is on hold (telephony <c>hold</c> event), until its <c>unhold</c>.</summary>
    public DateTimeOffset? HoldStartedAt { get; set; }

    /// <summary>Indexed with the person and time, so recordings are found by person and time (F25).</summary>
    public bool HasRecording { get; set; }

    /// <summary>A recording the phone system keeps (its URL).</summary>
    public string? RecordingUrl { get; set; }

    /// <summary>An uploaded recording: the file's name under <c>Contacts:RecordingsDirectory</c>.</summary>
    public string? RecordingFile { get; set; }

    public string? RecordingContentType { get; set; }

    public long? RecordingBytes { get; set; }

    /// <summary>SHA-256 of the uploaded file (hex), to prove the recording was not altered.</summary>
    public string? RecordingSha256 { get; set; }

    /// <summary>Changes with every write: an edit at an older version is a conflict.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ContactTransfer> Transfers { get; set; } = [];

    /// <summary>
    /// The screening answer of this contact (F15): does the caller allege a problem with a device? Null while nobody
    /// has asked (a call the phone system recorded); "no" is kept as much as "yes".
    /// </summary>
    public bool? DeviceProblemAlleged { get; set; }

    public string? ScreenedBy { get; set; }

    public DateTimeOffset? ScreenedAt { get; set; }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Source).HasMaxLength(32);
        builder.Property(c => c.ExternalId).HasMaxLength(128);
        builder.Property(c => c.FromAddress).HasMaxLength(320);
        builder.Property(c => c.ToAddress).HasMaxLength(320);
        builder.Property(c => c.AgentUserId).HasMaxLength(450);
        builder.Property(c => c.Outcome).HasMaxLength(64);
        builder.Property(c => c.Notes).HasMaxLength(4000);
        builder.Property(c => c.Subject).HasMaxLength(200);
        builder.Property(c => c.RecordingUrl).HasMaxLength(2048);
        builder.Property(c => c.RecordingFile).HasMaxLength(200);
        builder.Property(c => c.RecordingContentType).HasMaxLength(100);
        builder.Property(c => c.RecordingSha256).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.ScreenedBy).HasMaxLength(450);
        builder.HasMany(c => c.Transfers).WithOne().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.Source, c.ExternalId }).IsUnique();
        builder.HasIndex(c => new { c.PersonId, c.StartedAt });
        // Recordings by person and time, and all recordings in a time window (quality review).
        builder.HasIndex(c => new { c.PersonId, c.HasRecording, c.StartedAt });
        builder.HasIndex(c => new { c.HasRecording, c.StartedAt });
        // The desk's recent contacts: an agent's newest first.
        builder.HasIndex(c => new { c.AgentUserId, c.StartedAt });
    }
}
