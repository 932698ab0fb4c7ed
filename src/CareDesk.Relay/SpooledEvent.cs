namespace CareDesk.Relay;

/// <summary>
/// One event kept in the spool: its file, its place in arrival order (<see cref="Sequence"/>), the call it belongs to and
/// the exact bytes that are signed and sent.
/// </summary>
public sealed record SpooledEvent(long Sequence, string CallId, string EventId, string Path, ReadOnlyMemory<byte> Body);
