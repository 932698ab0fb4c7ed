using CareDesk.Platform.Audit;

namespace CareDesk.Features.People;

/// <summary>
/// The one way a feature records that it showed people's data (F32): one audit entry per request naming every
/// person shown — a search with 25 hits, a list of contacts, a screen pop, a case page — and refused attempts.
/// Each entry is found again by any of the people it names (the audit log's "who saw this person").
/// </summary>
public sealed class PersonReads(AuditTrail audit)
{
    /// <summary>Entity id of an entry that read several people: they are listed in its subjects.</summary>
    public const string Several = "*";

    /// <summary>Records that this request showed <paramref name="people"/>' data; nothing when it showed nobody.</summary>
    public Task RecordAsync(IEnumerable<Guid> people, string what, CancellationToken cancellationToken)
    {
        string[] ids = [.. people.Distinct().Select(p => p.ToString())];
        return ids.Length == 0
            ? Task.CompletedTask
            : audit.RecordReadAsync(AuditSubject.EntityType, ids.Length == 1 ? ids[0] : Several, ids, cancellationToken, what);
    }

    /// <summary>A read of another record (a case, a contact) that shows the person it belongs to.</summary>
    public Task RecordAsync(string entityType, Guid entityId, Guid? person, string what, CancellationToken cancellationToken) =>
        audit.RecordReadAsync(entityType, entityId.ToString(), person is { } id ? [id.ToString()] : [], cancellationToken, what);

    /// <summary>An attempt refused by the access rules: recorded as such, naming the person it was about.</summary>
    public Task RecordDeniedAsync(string entityType, string entityId, Guid? person, string what, CancellationToken cancellationToken) =>
        audit.RecordReadAsync(entityType, entityId, person is { } id ? [id.ToString()] : [], cancellationToken, what, denied: true);
}
