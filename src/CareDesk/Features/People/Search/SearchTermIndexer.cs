using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareDesk.Features.People.Search;

/// <summary>
/// Keeps <see cref="PersonSearchTerm"/> in step with people's names and phone numbers in the same save (so the same
/// transaction), whichever use case changed them: a new person or phone adds its terms, a renamed person or changed
/// number replaces them, a removed phone takes its terms along (a deleted person's go by the foreign key's cascade).
/// </summary>
internal sealed class SearchTermIndexer : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            await IndexAsync(db, cancellationToken);
        }

        return result;
    }

    // People and contact points are audited, and audited changes are never saved synchronously (CareDeskDbContext).
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) => result;

    private static async Task IndexAsync(DbContext db, CancellationToken cancellationToken)
    {
        var sources = new List<Source>();
        foreach (var entry in db.ChangeTracker.Entries<Person>())
        {
            var person = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                sources.Add(new Source(person.Id, person.Id, SearchTerms.ForName(person.DisplayName), Replaces: false));
            }
            else if (entry.State == EntityState.Modified && entry.Property(p => p.DisplayName).IsModified)
            {
                sources.Add(new Source(person.Id, person.Id, SearchTerms.ForName(person.DisplayName), Replaces: true));
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<ContactPoint>())
        {
            sources.AddRange(Changed(entry));
        }

        if (sources.Count == 0)
        {
            return;
        }

        var replaced = sources.Where(s => s.Replaces).ToList();
        var existing = new Dictionary<(Guid, Guid), List<PersonSearchTerm>>();
        if (replaced.Count > 0)
        {
            var people = replaced.Select(s => s.PersonId).Distinct().ToList();
            var ids = replaced.Select(s => s.SourceId).Distinct().ToList();
            foreach (var term in await db.Set<PersonSearchTerm>()
                         .Where(t => people.Contains(t.PersonId) && ids.Contains(t.SourceId))
                         .ToListAsync(cancellationToken))
            {
                if (!existing.TryGetValue((term.PersonId, term.SourceId), out var list))
                {
                    existing[(term.PersonId, term.SourceId)] = list = [];
                }

                list.Add(term);
            }
        }

        foreach (var source in sources)
        {
            var old = existing.GetValueOrDefault((source.PersonId, source.SourceId)) ?? [];
            var wanted = source.Terms.ToHashSet(StringComparer.Ordinal);
            db.RemoveRange(old.Where(t => !wanted.Contains(t.Term)));
            wanted.ExceptWith(old.Select(t => t.Term));
            db.AddRange(wanted.Select(term => new PersonSearchTerm { PersonId = source.PersonId, SourceId = source.SourceId, Term = term }));
        }
    }

    private static IEnumerable<Source> Changed(EntityEntry<ContactPoint> entry)
    {
        var point = entry.Entity;
        var wasPhone = entry.Property(c => c.Kind).OriginalValue == ContactPointKind.Phone;
        var isPhone = point.Kind == ContactPointKind.Phone;
        switch (entry.State)
        {
            case EntityState.Added when isPhone:
                yield return new Source(point.PersonId, point.Id, SearchTerms.ForPhone(point.Value), Replaces: false);
                break;
            case EntityState.Deleted when wasPhone:
                yield return new Source(entry.Property(c => c.PersonId).OriginalValue, point.Id, [], Replaces: true);
                break;
            case EntityState.Modified when entry.Property(c => c.PersonId).IsModified:
                // A phone moved to another person (a merge, an unmerge): its terms leave the one and go to the other.
                if (wasPhone)
                {
                    yield return new Source(entry.Property(c => c.PersonId).OriginalValue, point.Id, [], Replaces: true);
                }

                yield return new Source(point.PersonId, point.Id, isPhone ? SearchTerms.ForPhone(point.Value) : [], Replaces: true);
                break;
            case EntityState.Modified when entry.Property(c => c.Value).IsModified || entry.Property(c => c.Kind).IsModified:
                yield return new Source(point.PersonId, point.Id, isPhone ? SearchTerms.ForPhone(point.Value) : [], Replaces: true);
                break;
        }
    }

    private sealed record Source(Guid PersonId, Guid SourceId, IReadOnlyCollection<string> Terms, bool Replaces);
}
