namespace CareDesk.Platform.Outbox;

/// <summary>Thrown by a handler when retrying cannot help (a malformed payload, a refused address).</summary>
public sealed class PermanentDeliveryFailureException(string message) : Exception(message);
