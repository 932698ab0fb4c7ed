using System.Text.Json.Serialization;
using CareDesk.Features.People;
using CareDesk.Features.ServiceLevels;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// A case with its whole timeline (F11): every contact, note, handoff, status change, with who and when. A case is
/// part of a person's record, so every read is audited.
/// </summary>
public sealed class GetCase(CareDeskDbContext db, CaseAccess access, OwnerNames owners, PersonReads reads)
{
    /// <summary>A person named on the case: whom it is for, or who called on their behalf.</summary>
    public sealed record PersonView(Guid Id, string Name);

    /// <param name="Caller">Who made the contact when it was not the case's person (a caregiver calling about the patient).</param>
    /// <param name="DeviceProblemAlleged">The contact's screening answer (<c>yes</c>/<c>no</c>); null while nobody answered it.</param>
    public sealed record ContactSummary(
        Guid Id, string Channel, string Direction, DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, bool Missed, string? Outcome,
        bool HasRecording = false, PersonView? Caller = null, string? DeviceProblemAlleged = null);

    public sealed record Entry(
        Guid Id, string Kind, DateTimeOffset At, OwnerView Actor, string? Text, OwnerView? From, OwnerView? To, string? Status,
        ContactSummary? Contact, Guid? OtherCaseId);

    public sealed record EscalationView(
        Guid Id, string Status, int Level, IReadOnlyList<OwnerView> Chain, OwnerView? Alerted, DateTimeOffset RequestedAt, string? Note,
        DateTimeOffset? AcknowledgeBy, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ContactBy, DateTimeOffset? ContactedAt,
        IReadOnlyList<string>? RedFlags = null)
    {
        /// <summary>For pages: the status as the enum, never compared as a string.</summary>
        public bool Is(EscalationStatus status) => CaseTerms.EscalationStatuses[Status] == status;

        /// <summary>Still running: the expert has yet to acknowledge or to reach the customer.</summary>
        [JsonIgnore]
        public bool IsRunning => Is(EscalationStatus.Alerting) || Is(EscalationStatus.Acknowledged);
    }

    public sealed record CallbackView(Guid Id, OwnerView Owner, DateTimeOffset DueAt, string Status, string? Note, DateTimeOffset? DoneAt, string? Outcome)
    {
        /// <summary>For pages: the status as the enum, never compared as a string.</summary>
        public bool Is(CallbackStatus status) => CaseTerms.CallbackStatuses[Status] == status;
    }

    /// <summary>One service-level clock: its target (business minutes), due and warn instants, and when it was met, warned or breached.</summary>
    public sealed record ClockView(string State, int TargetMinutes, DateTimeOffset? DueAt, DateTimeOffset? WarnAt, DateTimeOffset? MetAt, DateTimeOffset? WarnedAt, DateTimeOffset? BreachedAt);

    /// <summary>The case's service levels (null clocks do not run): state, calendar, the clocks, since when paused.</summary>
    public sealed record ServiceLevelsView(string State, string CalendarId, DateTimeOffset? NextDueAt, DateTimeOffset? PausedSince, ClockView? FirstResponse, ClockView? Resolution);

    public sealed record View(
        Guid Id,
        string Number,
        Guid PersonId,
        string PersonName,
        Guid? DeviceId,
        string? DeviceLabel,
        string Type,
        string Priority,
        string Status,
        string Subject,
        string? Description,
        OwnerView Owner,
        string? Answer,
        string? Resolution,
        int ReopenCount,
        Guid? MergedIntoCaseId,
        OwnerView OpenedBy,
        DateTimeOffset OpenedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? ResolvedAt,
        DateTimeOffset? ClosedAt,
        string Version,
        IReadOnlyList<EscalationView> Escalations,
        IReadOnlyList<CallbackView> Callbacks,
        IReadOnlyList<Entry> Timeline,
        ServiceLevelsView? ServiceLevels = null,
        PersonView? Caller = null)
    {
        /// <summary>For pages: the status as the enum, never compared as a string.</summary>
        public bool Is(CaseStatus status) => CaseTerms.Statuses[Status] == status;

        /// <summary>Neither resolved nor closed: the case is still being worked.</summary>
        [JsonIgnore]
        public bool IsOpen => !Is(CaseStatus.Resolved) && !Is(CaseStatus.Closed);
    }

    public Task<Result<View>> RunAsync(Guid id, StaffActor actor, CancellationToken cancellationToken) =>
        ViewAsync(id, actor, justOpened: false, cancellationToken);

    /// <summary>
    /// The view of a case this request has just opened, as the answer to opening it: <see cref="OpenCase"/> checked the
    /// actor's access to the person and the audit log holds the opening with every value shown here, so neither is
    /// done again (a read entry and its transaction per new case, for nothing the log does not already say).
    /// </summary>
    public Task<Result<View>> JustOpenedAsync(Guid id, StaffActor actor, CancellationToken cancellationToken) =>
        ViewAsync(id, actor, justOpened: true, cancellationToken);

    private async Task<Result<View>> ViewAsync(Guid id, StaffActor actor, bool justOpened, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("Case.NotFound");
        }

        if (!justOpened && await access.CheckPersonAsync(found.PersonId, actor, cancellationToken) is { } denied)
        {
            await reads.RecordDeniedAsync("Case", id.ToString(), found.PersonId, "case", cancellationToken);
            return denied;
        }

        var personName = await db.People.AsNoTracking().Where(p => p.Id == found.PersonId).Select(p => p.DisplayName).SingleAsync(cancellationToken);
        var device = found.DeviceId is null ? null : await db.Devices.AsNoTracking().Where(d => d.Id == found.DeviceId)
            .Join(db.ProductModels, d => d.ModelId, m => m.Id, (d, m) => new { m.NameEn, m.NameZh, d.SerialNumber })
            .SingleOrDefaultAsync(cancellationToken);
        var entries = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == id)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .GroupJoin(db.Contacts, e => e.ContactId, c => c.Id, (e, c) => new { Entry = e, Contacts = c })
            .SelectMany(x => x.Contacts.DefaultIfEmpty(), (x, c) => new { x.Entry, Contact = c })
            .ToListAsync(cancellationToken);

        // The case's caller and those of its contacts who are not the case's person (a caregiver calling about the patient).
        var callerIds = entries.Select(x => x.Contact?.PersonId).OfType<Guid>().Append(found.CallerPersonId ?? found.PersonId)
            .Where(p => p != found.PersonId).Distinct().ToList();
        var callers = callerIds.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => callerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PersonView(p.Id, p.DisplayName), cancellationToken);
        PersonView? CallerOf(Guid? personId) => personId is { } caller && caller != found.PersonId ? callers.GetValueOrDefault(caller) : null;

        var escalations = await db.Escalations.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.RequestedAt).ToListAsync(cancellationToken);
        var callbacks = await db.Callbacks.AsNoTracking().Where(c => c.CaseId == id).OrderBy(c => c.DueAt).ToListAsync(cancellationToken);
        var names = await owners.LoadAsync(
            entries.SelectMany(e => new[] { (e.Entry.ActorUserId, (string?)null), OwnerNames.Parse(e.Entry.FromOwner), OwnerNames.Parse(e.Entry.ToOwner) })
                .Concat(escalations.SelectMany(e => e.Chain).Select(u => ((string?)u, (string?)null)))
                .Concat(callbacks.Select(c => ((string?)c.OwnerUserId, (string?)null)))
                .Append((found.OwnerUserId, found.OwnerTeamId)).Append((found.OpenedBy, null)),
            cancellationToken);
        OwnerView? Named(string? stored) => stored is null ? null : OwnerNames.Parse(stored) is var (user, team) ? names(user, team) : null;

        if (!justOpened)
        {
            await reads.RecordAsync("Case", id, found.PersonId, "case", cancellationToken);
        }

        return new View(
            found.Id,
            CaseNumbers.Display(found.Number),
            found.PersonId,
            personName,
            found.DeviceId,
            device is null ? null : string.Join(" · ", new[] { Catalog.CatalogNames.Of(device.NameEn, device.NameZh), device.SerialNumber }.OfType<string>()),
            CaseTerms.Of(found.Type),
            CaseTerms.Of(found.Priority),
            CaseTerms.Of(found.Status),
            found.Subject,
            found.Description,
            names(found.OwnerUserId, found.OwnerTeamId),
            found.Answer,
            found.Resolution,
            found.ReopenCount,
            found.MergedIntoCaseId,
            names(found.OpenedBy, null),
            found.OpenedAt,
            found.UpdatedAt,
            found.ResolvedAt,
            found.ClosedAt,
            found.Version.ToString(),
            [.. escalations.Select(e => new EscalationView(
                e.Id, CaseTerms.Of(e.Status), e.Level, [.. e.Chain.Select(u => names(u, null))], e.AlertedUserId is null ? null : names(e.AlertedUserId, null),
                e.RequestedAt, e.Note, e.AcknowledgeBy, e.AcknowledgedAt, e.ContactBy, e.ContactedAt, e.RedFlags))],
            [.. callbacks.Select(c => new CallbackView(c.Id, names(c.OwnerUserId, null), c.DueAt, CaseTerms.Of(c.Status), c.Note, c.DoneAt, c.Outcome))],
            [.. entries.Select(x => new Entry(
                x.Entry.Id,
                CaseTerms.Of(x.Entry.Kind),
                x.Entry.At,
                names(x.Entry.ActorUserId, null),
                x.Entry.Text,
                Named(x.Entry.FromOwner),
                Named(x.Entry.ToOwner),
                x.Entry.Status is { } status ? CaseTerms.Of(status) : null,
                x.Contact is { } c ? new ContactSummary(c.Id, KebabCase.Of(c.Channel), KebabCase.Of(c.Direction), c.StartedAt, c.AnsweredAt, c.EndedAt, c.Missed, c.Outcome, c.HasRecording, CallerOf(c.PersonId), Complaints.ScreenContact.WireName(c.DeviceProblemAlleged)) : null,
                x.Entry.OtherCaseId))],
            ServiceLevelsOf(found, access.Now()),
            CallerOf(found.CallerPersonId));
    }

    private static ServiceLevelsView? ServiceLevelsOf(Case found, DateTimeOffset now)
    {
        if (found.ServicePolicyId is null || found.ServiceCalendarId is null)
        {
            return null;
        }

        string StateOf(DateTimeOffset? due, DateTimeOffset? warn, DateTimeOffset? met, DateTimeOffset? breached, DateTimeOffset? warned) =>
            met is not null ? (breached is not null || met > due ? ServiceLevelState.Breached : ServiceLevelState.Met)
            : !found.IsOpen ? ServiceLevelState.Met
            : found.ClockPausedSince is not null ? ServiceLevelState.Paused
            : ServiceLevelState.Clock(due, warn, breached, warned, now);

        return new ServiceLevelsView(
            ServiceLevelState.Of(found, now),
            found.ServiceCalendarId,
            found.NextDueAt,
            found.ClockPausedSince,
            found.FirstResponseTarget is { } first
                ? new ClockView(
                    StateOf(found.FirstResponseDueAt, found.FirstResponseWarnAt, found.FirstRespondedAt, found.FirstResponseBreachedAt, found.FirstResponseWarnedAt),
                    (int)first.TotalMinutes, found.FirstResponseDueAt, found.FirstResponseWarnAt, found.FirstRespondedAt, found.FirstResponseWarnedAt, found.FirstResponseBreachedAt)
                : null,
            found.ResolutionTarget is { } resolution
                ? new ClockView(
                    StateOf(found.ResolutionDueAt, found.ResolutionWarnAt, found.ResolvedAt, found.ResolutionBreachedAt, found.ResolutionWarnedAt),
                    (int)resolution.TotalMinutes, found.ResolutionDueAt, found.ResolutionWarnAt, found.ResolvedAt, found.ResolutionWarnedAt, found.ResolutionBreachedAt)
                : null);
    }
}
