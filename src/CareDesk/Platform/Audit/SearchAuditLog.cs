using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Platform.Audit;

/// <summary>Search the audit log by actor, entity and time, newest first, paged by sequence.</summary>
public sealed class SearchAuditLog(CareDeskDbContext db)
{
    public const int MaxPageSize = 200;

    public sealed record Query(
        string? ActorId = null,
        string? EntityType = null,
        string? EntityId = null,
        DateTimeOffset? From = null,
        DateTimeOffset? To = null,
        long? BeforeSequence = null,
        int PageSize = 50);

    public sealed record Page(IReadOnlyList<AuditEntry> Entries, long? NextBeforeSequence);

    public async Task<Page> RunAsync(Query query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.ActorId))
        {
            entries = entries.Where(e => e.ActorId == query.ActorId || e.ActorName == query.ActorId);
        }

        var type = string.IsNullOrWhiteSpace(query.EntityType) ? null : query.EntityType;
        var id = string.IsNullOrWhiteSpace(query.EntityId) ? null : query.EntityId;
        if (id is not null && (type is null || type == AuditSubject.EntityType))
        {
            // An entry is about a person when it names them as its entity or as one of the people it read (a
            // search, a case page, a screen pop): "who saw this person" finds both.
            entries = entries.Where(e => (e.EntityId == id && (type == null || e.EntityType == type))
                || db.AuditSubjects.Any(s => s.Sequence == e.Sequence && s.SubjectId == id));
        }
        else
        {
            if (type is not null)
            {
                entries = entries.Where(e => e.EntityType == type);
            }

            if (id is not null)
            {
                entries = entries.Where(e => e.EntityId == id);
            }
        }

        // Entries are stored in UTC. SQLite compares the stored form, which holds local clock ticks, and PostgreSQL
        // refuses other offsets: a bound given in the admin's own zone must be turned to UTC first.
        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            entries = entries.Where(e => e.At >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            entries = entries.Where(e => e.At < toUtc);
        }

        if (query.BeforeSequence is { } before)
        {
            entries = entries.Where(e => e.Sequence < before);
        }

        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = await entries.OrderByDescending(e => e.Sequence).Take(size + 1).ToListAsync(cancellationToken);
        var next = page.Count > size ? page[size - 1].Sequence : (long?)null;
        return new Page(page.Take(size).ToList(), next);
    }
}
