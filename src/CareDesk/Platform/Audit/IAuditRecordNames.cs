using CareDesk.Platform.Data;

namespace CareDesk.Platform.Audit;

/// <summary>
/// Names the records audit entries refer to, for the sentences of the audit page: a person by name, a case by number.
/// The feature that owns the records registers it (People, Cases); the audit knows the kinds of record, not their tables.
/// </summary>
public interface IAuditRecordNames
{
    /// <summary>Where the records' pages are, which also says their kind: <c>people</c> or <c>cases</c>.</summary>
    string Pages { get; }

    Task<Dictionary<Guid, string>> NamesAsync(CareDeskDbContext db, List<Guid> ids, CancellationToken cancellationToken);
}
