namespace CareDesk.Platform.Outbox;

/// <summary>Delivers one type of outbox message. Must be idempotent: a message can be delivered more than once.</summary>
public interface IOutboxHandler
{
    string Type { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>Thrown by a handler when retrying cannot help (a malformed payload, a refused address).</summary>
public sealed class PermanentDeliveryFailureException(string message) : Exception(message);
