using CareDesk.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Platform.Outbox;

/// <summary>
/// Something that must leave the system (an e-mail, a webhook, a page), written in the same transaction as
/// the change it belongs to and delivered by <see cref="OutboxWorker"/> at least once.
/// </summary>
[NotAudited]
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Which <see cref="IOutboxHandler"/> delivers it, e.g. <c>email</c>, <c>webhook</c>.</summary>
    public required string Type { get; set; }

    /// <summary>JSON payload for the handler.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Set when the handler gave up for good (too many attempts or a permanent failure).</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Node that claimed it, and until when; another node may take it over after that.</summary>
    public string? LockedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public static OutboxMessage Create(string type, string payload, DateTimeOffset now) => new()
    {
        Type = type,
        Payload = payload,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Type).HasMaxLength(64);
        builder.Property(m => m.LockedBy).HasMaxLength(128);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // The worker's query: undelivered, not failed, due.
        builder.HasIndex(m => new { m.DeliveredAt, m.FailedAt, m.NextAttemptAt });
    }
}
