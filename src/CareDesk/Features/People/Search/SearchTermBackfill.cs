using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.People.Search;

/// <summary>
/// Fills in the search terms of people saved before they existed (the migration that added the table, or one that
/// emptied it after the term rules changed), in batches after start-up, while the host already serves. People saved
/// since are indexed by <see cref="SearchTermIndexer"/> in their own save.
/// </summary>
internal sealed partial class SearchTermBackfill(IServiceScopeFactory scopes, ILogger<SearchTermBackfill> logger) : BackgroundService
{
    private const int BatchSize = 500;

    /// <summary>
    /// Set once a pass found nobody left to fill: from then on people are indexed in their own save, so no start needs
    /// to look again. A migration that empties or rebuilds <c>person_search_terms</c> deletes it.
    /// </summary>
    internal const string CompleteMarker = "person-search-terms-complete";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await FillUnlessCompleteAsync(scopes, stoppingToken) is > 0 and var filled)
            {
                LogFilled(filled);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Another node filling the same people, or the database away: the next start finishes the work.
            LogStopped(exception.GetType().Name);
        }
    }

    /// <summary>
    /// Fills in what is missing unless the work is marked complete, then marks it; returns how many people were
    /// filled, or null when the marker said there was nothing to look for.
    /// </summary>
    internal static async Task<int?> FillUnlessCompleteAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync(cancellationToken);
            if (await db.MaintenanceMarkers.AnyAsync(m => m.Name == CompleteMarker, cancellationToken))
            {
                return null;
            }
        }

        var filled = await FillAsync(scopes, cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync(cancellationToken);
            db.MaintenanceMarkers.Add(new MaintenanceMarker { Name = CompleteMarker, DoneAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node finished the same pass and marked it first; anything else is the caller's to report.
                db.ChangeTracker.Clear();
                if (!await db.MaintenanceMarkers.AnyAsync(m => m.Name == CompleteMarker, cancellationToken))
                {
                    throw;
                }
            }
        }

        return filled;
    }

    /// <summary>Indexes every person who has no search term yet; returns how many.</summary>
    internal static async Task<int> FillAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("search-terms");
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>();
        var termless = new List<Guid>();
        var filled = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var people = await db.People.AsNoTracking()
                .Where(p => !db.Set<PersonSearchTerm>().Any(t => t.PersonId == p.Id) && !termless.Contains(p.Id))
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.DisplayName })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (people.Count == 0)
            {
                return filled;
            }

            var ids = people.ConvertAll(p => p.Id);
            var phones = await db.ContactPoints.AsNoTracking()
                .Where(c => ids.Contains(c.PersonId) && c.Kind == ContactPointKind.Phone)
                .Select(c => new { c.Id, c.PersonId, c.Value })
                .ToListAsync(cancellationToken);
            var terms = people.SelectMany(p => SearchTerms.ForName(p.DisplayName).Select(t => (p.Id, Source: p.Id, Term: t)))
                .Concat(phones.SelectMany(c => SearchTerms.ForPhone(c.Value).Select(t => (Id: c.PersonId, Source: c.Id, Term: t))))
                .Select(t => new PersonSearchTerm { PersonId = t.Id, SourceId = t.Source, Term = t.Term })
                .ToList();
            // A name of punctuation alone gives no term: remembered, so the loop does not pick it again.
            termless.AddRange(ids.Except(terms.Select(t => t.PersonId)));
            db.AddRange(terms);
            await db.SaveChangesAsync(cancellationToken);
            filled += people.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search terms filled in for {Count} people saved before they were indexed")]
    private partial void LogFilled(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Filling in search terms stopped ({Error}); the next start goes on")]
    private partial void LogStopped(string error);
}
