using CareDesk.Features.People;
using CareDesk.Platform.Audit;
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
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.Source, c.ExternalId }).IsUnique();
        builder.HasIndex(c => new { c.PersonId, c.StartedAt });
    }
}

/// <summary>A webhook event already processed: a repeated event id has no second effect.</summary>
[NotAudited]
public sealed class ProcessedWebhookEvent
{
    public required string Source { get; set; }

    public required string EventId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class ProcessedWebhookEventConfiguration : IEntityTypeConfiguration<ProcessedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhookEvent> builder)
    {
        builder.ToTable("processed_webhook_events");
        builder.HasKey(e => new { e.Source, e.EventId });
        builder.Property(e => e.Source).HasMaxLength(32);
        builder.Property(e => e.EventId).HasMaxLength(128);
    }
}
