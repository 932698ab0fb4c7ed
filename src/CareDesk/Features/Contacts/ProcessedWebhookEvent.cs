using CareDesk.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Contacts;

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
