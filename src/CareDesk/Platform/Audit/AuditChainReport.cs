namespace CareDesk.Platform.Audit;

/// <summary>
/// The outcome of checking the chain: intact, or the first entry (by <see cref="AuditEntry.Sequence"/>) where it breaks
/// and why; <paramref name="Unsealed"/> entries were not sealed yet, so not checked (they are within seconds).
/// </summary>
public sealed record AuditChainReport(bool Intact, long EntriesChecked, long? BrokenAtSequence, string? Problem, long Unsealed);
