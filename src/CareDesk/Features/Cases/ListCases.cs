using CareDesk.Features.People;
using CareDesk.Features.ServiceLevels;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Case lists for the desktop: my work (what I own), a team's queue, one person's cases, or a case by the number a
/// caller reads out. Each is an indexed range on (owner, status, opened) or (person, opened), capped.
/// </summary>
public sealed class ListCases(CareDeskDbContext db, OwnerNames owners, PersonReads reads, TimeProvider clock)
{
    public const int MaxLimit = 200;

    /// <param name="Owner">A user id, or <c>me</c>.</param>
    /// <param name="Open">Only open cases (default), or only resolved and closed ones.</param>
    public sealed record Filter(string? Owner = null, string? Team = null, Guid? PersonId = null, string? Number = null, bool Open = true, int Limit = 50);

    /// <param name="Results">With a filter or an order (<see cref="WorkFilter"/>): the cases it finds, and then
    /// <paramref name="Mine"/> and <paramref name="Queues"/> are left empty; null without one.</param>
    public sealed record MyWork(
        IReadOnlyList<CaseSummary> Mine, IReadOnlyList<Queue> Queues, IReadOnlyList<PendingEscalation> Escalations, IReadOnlyList<CallbackDue> Callbacks,
        IReadOnlyList<CaseSummary>? Results = null);

    /// <summary>A promised callback not yet made: <c>pending</c> or <c>overdue</c>.</summary>
    public sealed record CallbackDue(Guid CallbackId, Guid CaseId, string CaseNumber, string Subject, string OwnerUserId, DateTimeOffset DueAt, string Status, string? Note);

    /// <summary>An escalation waiting for me: to acknowledge by <paramref name="AcknowledgeBy"/>, or to call the customer by <paramref name="ContactBy"/>.</summary>
    /// <param name="RedFlags">The clinical red flags that made it an urgent medical escalation; empty otherwise.</param>
    public sealed record PendingEscalation(Guid EscalationId, Guid CaseId, string CaseNumber, string Subject, string Status, DateTimeOffset? AcknowledgeBy, DateTimeOffset? ContactBy,
        IReadOnlyList<string>? RedFlags = null);

    public sealed record Queue(string TeamId, string Name, IReadOnlyList<CaseSummary> Cases);

    /// <param name="auditRead">False where the caller has already audited the read of this person's record (Person 360).</param>
    public async Task<Result<CaseSummary[]>> RunAsync(Filter filter, StaffActor actor, CancellationToken cancellationToken, bool auditRead = true)
    {
        if (filter.Limit is < 1 or > MaxLimit)
        {
            return Failure.Invalid("limit", "Case.LimitInvalid", MaxLimit);
        }

        var cases = Visible(actor);
        if (filter.Number is not null)
        {
            if (CaseNumbers.Normalize(filter.Number) is not { } number)
            {
                return Failure.Invalid("number", "Case.NumberInvalid");
            }

            return await SummariesAsync(cases.Where(c => c.Number == number), filter.Limit, cancellationToken);
        }

        if (filter.Owner is null && filter.Team is null && filter.PersonId is null)
        {
            return Failure.Invalid("owner", "Case.FilterRequired");
        }

        var owner = filter.Owner == "me" ? actor.UserId : filter.Owner;
        if (owner is not null)
        {
            cases = cases.Where(c => c.OwnerUserId == owner);
        }

        if (filter.Team is not null)
        {
            cases = cases.Where(c => c.OwnerTeamId == filter.Team);
        }

        if (filter.PersonId is { } personId)
        {
            cases = cases.Where(c => c.PersonId == personId);
            if (auditRead)
            {
                // A person's cases are part of their record (F32).
                await reads.RecordAsync([personId], "cases", cancellationToken);
            }
        }

        cases = filter.Open
            ? cases.Where(c => c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)
            : cases.Where(c => c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed);
        return await SummariesAsync(cases, filter.Limit, cancellationToken);
    }

    /// <summary>
    /// My work narrowed by <paramref name="filter"/> (the work page's filters and order): one list in
    /// <see cref="MyWork.Results"/>; without a filter, <see cref="MyWorkAsync(StaffActor, CancellationToken)"/>.
    /// The read of the people listed is audited, one entry for the page.
    /// </summary>
    public async Task<Result<MyWork>> MyWorkAsync(WorkFilter filter, StaffActor actor, CancellationToken cancellationToken)
    {
        MyWork work;
        if (filter.IsEmpty)
        {
            work = await MyWorkAsync(actor, cancellationToken);
        }
        else
        {
            var found = await FindAsync(filter, actor, cancellationToken);
            if (found.Failure is { } failure)
            {
                return failure;
            }

            work = new MyWork([], [], await PendingEscalationsAsync(actor, cancellationToken), await CallbacksDueAsync(actor.UserId, cancellationToken), found.Value);
        }

        await reads.RecordAsync(work.Mine.Concat(work.Queues.SelectMany(q => q.Cases)).Concat(work.Results ?? []).Select(c => c.PersonId), "work", cancellationToken);
        return work;
    }

    /// <summary>
    /// Cases by <paramref name="filter"/>: of the owner or team it names, else my cases and my teams' queues (every
    /// case for a supervisor); open ones unless statuses are named; in its order, at most <see cref="MaxLimit"/>.
    /// One query for the cases and their people, one per kind of owner for the names.
    /// </summary>
    public async Task<Result<CaseSummary[]>> FindAsync(WorkFilter filter, StaffActor actor, CancellationToken cancellationToken, int limit = MaxLimit)
    {
        if (filter.Check() is { } invalid)
        {
            return invalid;
        }

        if (filter.Team is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
        {
            return Failure.Invalid("team", "Case.TeamNotFound");
        }

        var cases = Visible(actor);
        var owner = filter.Owner == "me" ? actor.UserId : filter.Owner;
        if (owner is not null)
        {
            cases = cases.Where(c => c.OwnerUserId == owner);
        }

        if (filter.Team is { } teamId)
        {
            cases = cases.Where(c => c.OwnerTeamId == teamId);
        }

        if (owner is null && filter.Team is null && !actor.Supervises)
        {
            var me = actor.UserId;
            var myTeams = db.TeamMembers.Where(m => m.UserId == me).Select(m => m.TeamId);
            cases = cases.Where(c => c.OwnerUserId == me || myTeams.Contains(c.OwnerTeamId!));
        }

        if (filter.Status is { Count: > 0 })
        {
            var statuses = filter.Statuses();
            cases = cases.Where(c => statuses.Contains(c.Status));
        }
        else
        {
            // Written like the partial indexes' filter, so SQLite can use them.
            cases = cases.Where(c => c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed);
        }

        var now = clock.GetUtcNow();
        if (filter.ServiceLevel is { Count: > 0 } states)
        {
            cases = cases.Where(ServiceLevelState.In(states, now));
        }

        var rows = await WithPeople(Ordered(cases, filter).Take(limit)).ToListAsync(cancellationToken);
        // The join does not keep the order: the same keys again on the rows read.
        var byCase = rows.ToDictionary(r => r.Case.Id);
        return await ToSummariesAsync([.. Ordered(rows.Select(r => r.Case).AsQueryable(), filter).Select(c => byCase[c.Id])], cancellationToken);
    }

    private static IQueryable<Case> Ordered(IQueryable<Case> cases, WorkFilter filter) => (filter.Sort ?? WorkFilter.Due, filter.Descending) switch
    {
        (WorkFilter.Opened, false) => cases.OrderBy(c => c.OpenedAt).ThenBy(c => c.Number),
        (WorkFilter.Opened, true) => cases.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Number),
        (WorkFilter.Activity, false) => cases.OrderBy(c => c.LastActivityAt).ThenBy(c => c.Number),
        (WorkFilter.Activity, true) => cases.OrderByDescending(c => c.LastActivityAt).ThenBy(c => c.Number),
        // Due: running clocks by their next due time, the rest (paused, met, none) after them, oldest first.
        (_, false) => cases.OrderBy(c => c.NextDueAt == null).ThenBy(c => c.NextDueAt).ThenBy(c => c.OpenedAt).ThenBy(c => c.Number),
        (_, true) => cases.OrderBy(c => c.NextDueAt == null).ThenByDescending(c => c.NextDueAt).ThenBy(c => c.OpenedAt).ThenBy(c => c.Number),
    };

    /// <summary>What the agent owns, and the queues of the teams they belong to — of every team for a supervisor.</summary>
    public async Task<MyWork> MyWorkAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        var mine = await RunAsync(new Filter(Owner: "me", Limit: MaxLimit), actor, cancellationToken);
        var teams = actor.Supervises
            ? await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken)
            : await db.TeamMembers.AsNoTracking().Where(m => m.UserId == actor.UserId)
                .Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => t).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var chinese = Platform.Localization.SupportedCultures.IsChinese();
        var queues = new List<Queue>();
        foreach (var team in teams)
        {
            var queue = await RunAsync(new Filter(Team: team.Id, Limit: MaxLimit), actor, cancellationToken);
            queues.Add(new Queue(team.Id, team.LocalName(chinese), queue.Value ?? []));
        }

        return new MyWork(mine.Value ?? [], queues, await PendingEscalationsAsync(actor, cancellationToken), await CallbacksDueAsync(actor.UserId, cancellationToken));
    }

    /// <summary>Open promised callbacks, soonest first: one owner's, or everyone's (the supervisors' list) when <paramref name="ownerUserId"/> is null.</summary>
    public async Task<CallbackDue[]> CallbacksDueAsync(string? ownerUserId, CancellationToken cancellationToken)
    {
        var rows = await db.Callbacks.AsNoTracking()
            .Where(c => (c.Status == CallbackStatus.Pending || c.Status == CallbackStatus.Overdue) && (ownerUserId == null || c.OwnerUserId == ownerUserId))
            .OrderBy(c => c.DueAt).Take(MaxLimit)
            .Join(db.Cases, c => c.CaseId, k => k.Id, (c, k) => new { Callback = c, k.Number, k.Subject })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CallbackDue(r.Callback.Id, r.Callback.CaseId, CaseNumbers.Display(r.Number), r.Subject, r.Callback.OwnerUserId,
            r.Callback.DueAt, CaseTerms.Of(r.Callback.Status), r.Callback.Note))];
    }

    /// <summary>Escalations waiting for me, soonest deadline first: one indexed query, cheap enough for every desktop start.</summary>
    public async Task<PendingEscalation[]> PendingEscalationsAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.AlertedUserId == actor.UserId && (e.Status == EscalationStatus.Alerting || e.Status == EscalationStatus.Acknowledged))
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { e.Id, CaseId = c.Id, c.Number, c.Subject, e.Status, e.AcknowledgeBy, e.ContactBy, e.RedFlags })
            .Take(MaxLimit)
            .ToListAsync(cancellationToken);
        return [.. escalations
            .OrderBy(e => e.Status == EscalationStatus.Alerting ? e.AcknowledgeBy : e.ContactBy)
            .Select(e => new PendingEscalation(e.Id, e.CaseId, CaseNumbers.Display(e.Number), e.Subject, CaseTerms.Of(e.Status), e.AcknowledgeBy, e.ContactBy, e.RedFlags))];
    }

    private IQueryable<Case> Visible(StaffActor actor) => actor.OwnCustomersOnly
        ? db.Cases.AsNoTracking().Join(db.People.Where(p => p.AssignedFieldRepId == actor.UserId), c => c.PersonId, p => p.Id, (c, p) => c)
        : db.Cases.AsNoTracking();

    private async Task<Result<CaseSummary[]>> SummariesAsync(IQueryable<Case> cases, int limit, CancellationToken cancellationToken)
    {
        // Most urgent first: running clocks by their stored next due time (an index range per owner for open cases),
        // then the cases with no running clock (paused, met, none), oldest first.
        var running = await WithPeople(cases.Where(c => c.NextDueAt != null).OrderBy(c => c.NextDueAt).Take(limit)).ToListAsync(cancellationToken);
        var rows = running.Count < limit
            ? [.. running, .. await WithPeople(cases.Where(c => c.NextDueAt == null).OrderBy(c => c.OpenedAt).Take(limit - running.Count)).ToListAsync(cancellationToken)]
            : running;
        return await ToSummariesAsync([.. rows.OrderBy(r => r.Case.NextDueAt is null).ThenBy(r => r.Case.NextDueAt)
            .ThenByDescending(r => r.Case.Priority).ThenBy(r => r.Case.OpenedAt)], cancellationToken);
    }

    /// <summary>The list as the API shows it, in the rows' order, with the owners' names in the reader's language.</summary>
    private async Task<CaseSummary[]> ToSummariesAsync(IReadOnlyList<CaseRow> rows, CancellationToken cancellationToken)
    {
        var names = await owners.LoadAsync(rows.Select(r => (r.Case.OwnerUserId, r.Case.OwnerTeamId)), cancellationToken);
        var now = clock.GetUtcNow();
        return rows
            .Select(r => new CaseSummary(
                r.Case.Id, CaseNumbers.Display(r.Case.Number), r.Case.PersonId, r.PersonName, CaseTerms.Of(r.Case.Type), CaseTerms.Of(r.Case.Priority),
                CaseTerms.Of(r.Case.Status), r.Case.Subject, names(r.Case.OwnerUserId, r.Case.OwnerTeamId), r.Case.OpenedAt, r.Case.UpdatedAt,
                ServiceLevelState.Of(r.Case, now), r.Case.NextDueAt, r.Case.LastActivityAt, r.Case.Version.ToString()))
            .ToArray();
    }

    private IQueryable<CaseRow> WithPeople(IQueryable<Case> cases) =>
        cases.Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new CaseRow(c, p.DisplayName));

    private sealed record CaseRow(Case Case, string PersonName);
}
