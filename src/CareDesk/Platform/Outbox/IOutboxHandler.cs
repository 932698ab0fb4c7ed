namespace CareDesk.Platform.Outbox;

/// <summary>Delivers one type of outbox message. Must be idempotent: a message can be delivered more than once.</summary>
public interface IOutboxHandler
{
    string Type { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
