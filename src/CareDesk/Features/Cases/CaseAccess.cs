using CareDesk.Features.ServiceLevels;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Loads a case for a use case and applies who may touch it (a field rep: only cases of their own customers), and
/// saves a change with its timeline entry in one transaction under the case's version.
/// </summary>
public sealed class CaseAccess(CareDeskDbContext db, TimeProvider clock, CaseClocks clocks, DurableTimers timers)
{
    public DateTimeOffset Now() => clock.GetUtcNow();

    public async Task<Result<Case>> LoadAsync(Guid id, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await db.Cases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } found)
        {
            return Failure.NotFound("Case.NotFound");
        }

        return await CheckPersonAsync(found.PersonId, actor, cancellationToken) is { } denied ? denied : found;
    }

    /// <summary>
    /// The one way to load a case for a change: found, visible to <paramref name="actor"/> and still at the
    /// <paramref name="version"/> the caller read (null: no version was sent, so none is checked). Another change saved
    /// since is a conflict (409), never overwritten.
    /// </summary>
    public async Task<Result<Case>> LoadForChangeAsync(Guid id, string? version, StaffActor actor, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        return CheckVersion(loaded.Value!, version) is { } stale ? stale : loaded;
    }

    public async Task<Failure?> CheckPersonAsync(Guid personId, StaffActor actor, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.AssignedFieldRepId }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Failure.Invalid("personId", "Case.PersonNotFound");
        }

        return actor.MaySee(person.AssignedFieldRepId) ? null : new Failure(FailureKind.Forbidden, "Case.Forbidden");
    }

    /// <summary>A version the caller read, if they sent one: a different current version is a conflict.</summary>
    private static Failure? CheckVersion(Case found, string? version)
    {
        if (version is null)
        {
            return null;
        }

        if (!Guid.TryParse(version, out var read))
        {
            return Failure.Invalid("version", "Case.VersionInvalid");
        }

        return read == found.Version ? null : Failure.Conflict("Case.Conflict");
    }

    /// <summary>
    /// Who a case may be given to: an enabled user, or an existing team. Exactly one of the two; the field names are
    /// the request's, so a wrong one is a 400 naming it.
    /// </summary>
    public async Task<Result<CaseOwner>> ResolveOwnerAsync(string? userId, string? teamId, CancellationToken cancellationToken)
    {
        var hasUser = !string.IsNullOrWhiteSpace(userId);
        var hasTeam = !string.IsNullOrWhiteSpace(teamId);
        if (hasUser == hasTeam)
        {
            return Failure.Invalid(hasUser ? "toTeam" : "toUserId", "Case.OwnerExactlyOne");
        }

        if (hasUser)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.IsDisabled }).SingleOrDefaultAsync(cancellationToken);
            if (user is null)
            {
                return Failure.Invalid("toUserId", "Case.UserNotFound");
            }

            return user.IsDisabled ? Failure.Invalid("toUserId", "Case.UserDisabled") : CaseOwner.User(userId!);
        }

        return await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken)
            ? CaseOwner.Team(teamId!)
            : Failure.Invalid("toTeam", "Case.TeamNotFound");
    }

    /// <summary>Records <paramref name="entry"/> on the timeline and saves; another writer in between is a conflict.</summary>
    public Task<Result<Guid>> SaveAsync(Case changed, CaseEntry entry, CancellationToken cancellationToken)
    {
        entry.CaseId = changed.Id;
        db.CaseEntries.Add(entry);
        return SaveChangedAsync(changed, entry.At, cancellationToken);
    }

    /// <summary>Saves a change of the case (whose timeline entries are already added) under its version.</summary>
    public async Task<Result<Guid>> SaveChangedAsync(Case changed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        changed.UpdatedAt = at;
        changed.Version = Guid.NewGuid();
        // Service levels: first response, pauses and reopening move the stored clocks in the same transaction.
        if (await clocks.TrackAsync(changed, cancellationToken))
        {
            clocks.SetTimers(changed);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two agents took the same case at once: the version token let exactly one write through.
            return Failure.Conflict("Case.Conflict");
        }

        // Every timer this save set (the clocks', an escalation's, a callback's) goes to the scheduler now.
        await timers.HandOverAsync(db, cancellationToken);
        return changed.Id;
    }
}
