using System.Collections.Concurrent;
using CareDesk.Features.Cases;
using CareDesk.Features.Contacts;
using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// Runs a case's service-level clocks (F12): starts them when the case opens (policy by type and priority), notes
/// the first response, pauses them while the case waits on the customer, moves the due times when a pause ends or
/// the case reopens, and keeps one durable timer per running clock at its next warn or due instant.
/// Called by the case use cases before they save (<see cref="TrackAsync"/>, then <see cref="SetTimers"/> when the
/// clocks moved, so the timers commit with the case) and after (<see cref="DurableTimers.HandOverAsync"/>).
/// </summary>
public sealed class CaseClocks(CareDeskDbContext db, DurableTimers timers, TimeProvider clock)
{
    // Built calendars by (id, version): a calendar is immutable, so an edit (new version) simply builds a new one.
    private static readonly ConcurrentDictionary<(string Id, Guid Version), BusinessCalendar> Calendars = new();

    /// <summary>The policy for a case of this type and priority: both, else the type, else the priority, else the default.</summary>
    public async Task<ServicePolicy?> PolicyForAsync(string caseType, string priority, CancellationToken cancellationToken)
    {
        string[] keys = [ServicePolicy.KeyOf(caseType, priority), ServicePolicy.KeyOf(caseType, null), ServicePolicy.KeyOf(null, priority), ServicePolicy.KeyOf(null, null)];
        var found = await db.ServicePolicies.AsNoTracking().Where(p => keys.Contains(p.MatchKey)).ToListAsync(cancellationToken);
        return keys.Select(k => found.FirstOrDefault(p => p.MatchKey == k)).FirstOrDefault(p => p is not null);
    }

    public async Task<BusinessCalendar?> CalendarAsync(string? id, CancellationToken cancellationToken)
    {
        var stored = id is null ? null : await db.ServiceCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (Calendars.TryGetValue((stored.Id, stored.Version), out var built))
        {
            return built;
        }

        // Stored calendars were checked when saved; one that no longer builds (a time zone gone from the system) runs no clock.
        var created = BusinessCalendar.Create(stored.Settings());
        return created.Succeeded ? Calendars.GetOrAdd((stored.Id, stored.Version), created.Value!) : null;
    }

    /// <summary>Starts the clocks of a case being opened (before it is saved): copies the policy's targets, stores the due times.</summary>
    public async Task StartAsync(Case opened, CancellationToken cancellationToken)
    {
        var policy = await PolicyForAsync(CaseTerms.Of(opened.Type), CaseTerms.Of(opened.Priority), cancellationToken);
        var calendar = await CalendarAsync(policy?.CalendarId, cancellationToken);
        if (policy is null || calendar is null)
        {
            return;
        }

        opened.ServicePolicyId = policy.Id;
        opened.ServiceCalendarId = policy.CalendarId;
        opened.ServiceWarnShare = policy.WarnShare;
        opened.FirstResponseTarget = policy.FirstResponse;
        opened.ResolutionTarget = policy.Resolution;
        Recompute(opened, calendar, opened.OpenedAt);
        await TrackAsync(opened, cancellationToken);
    }

    /// <summary>
    /// Before a case change is saved: records the first response, starts or ends a pause, resumes the resolution
    /// clock on reopening. Returns whether the clocks' timers must be set again after the save.
    /// </summary>
    public async Task<bool> TrackAsync(Case changed, CancellationToken cancellationToken)
    {
        if (changed.ServicePolicyId is null)
        {
            return false;
        }

        var entry = db.Entry(changed);
        var isNew = entry.State == EntityState.Added;
        var added = db.ChangeTracker.Entries<CaseEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == changed.Id).Select(e => e.Entity).ToList();
        var at = added.Count > 0 ? added.Max(e => e.At) : clock.GetUtcNow();
        var statusBefore = isNew ? CaseStatus.New : entry.Property(c => c.Status).OriginalValue;
        var resolvedBefore = isNew ? null : entry.Property(c => c.ResolvedAt).OriginalValue;
        var nextBefore = isNew ? null : entry.Property(c => c.NextDueAt).OriginalValue;
        var respondedBefore = changed.FirstRespondedAt;

        if (changed.FirstRespondedAt is null && await RespondsAsync(added, cancellationToken))
        {
            changed.FirstRespondedAt = at;
        }

        var recompute = false;
        if (statusBefore != CaseStatus.WaitingOnCustomer && changed.Status == CaseStatus.WaitingOnCustomer)
        {
            changed.ClockPausedSince = at;
        }
        else if (statusBefore == CaseStatus.WaitingOnCustomer && changed.Status != CaseStatus.WaitingOnCustomer && changed.ClockPausedSince is { } since)
        {
            changed.AddPause(new ClockPause(since, at));
            changed.ClockPausedSince = null;
            recompute = true;
        }

        // Reopened: the resolution clock resumes; the time it stood resolved is a pause (docs/service-levels.md).
        if (statusBefore is CaseStatus.Resolved or CaseStatus.Closed && changed.IsOpen && resolvedBefore is { } resolvedAt)
        {
            changed.AddPause(new ClockPause(resolvedAt, at));
            recompute = true;
        }

        if (recompute && await CalendarAsync(changed.ServiceCalendarId, cancellationToken) is { } calendar)
        {
            Recompute(changed, calendar, at);
        }

        changed.NextDueAt = NextDue(changed);
        return isNew || recompute || changed.NextDueAt != nextBefore || changed.FirstRespondedAt != respondedBefore
            || changed.ClockPausedSince is not null || statusBefore != changed.Status;
    }

    /// <summary>
    /// Before the save, in the same transaction: one durable timer per running clock at its next warn or due instant;
    /// none for a stopped one. Hand them over after the save.
    /// </summary>
    public void SetTimers(Case changed)
    {
        if (changed.ServicePolicyId is null)
        {
            return;
        }

        foreach (var kind in ServiceLevelDeadlines.CaseClocks)
        {
            var key = ServiceLevelDeadlines.TimerKey(changed.Id, kind);
            if (ServiceLevelDeadlines.NextInstant(changed, kind) is { } next)
            {
                timers.Set<ServiceLevelTimerJob>(db, key, next);
            }
            else
            {
                timers.Clear<ServiceLevelTimerJob>(db, key);
            }
        }
    }

    /// <summary>The due and warn instants of a promised callback with no time of its own: the case's policy's callback target.</summary>
    public async Task<(DateTimeOffset DueAt, DateTimeOffset? WarnAt)?> CallbackDueAsync(Case promised, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var policy = promised.ServicePolicyId is { } id ? await db.ServicePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        var calendar = await CalendarAsync(policy?.CalendarId, cancellationToken);
        if (policy?.Callback is not { } target || calendar is null)
        {
            return null;
        }

        var due = ServiceClock.DueAt(from, target, calendar);
        return due is null ? null : (due.Value, ServiceClock.WarnAt(from, target, policy.WarnShare, calendar));
    }

    /// <summary>Due and warn instants from the opening, the targets, the calendar and the ended pauses.</summary>
    private static void Recompute(Case timed, BusinessCalendar calendar, DateTimeOffset now)
    {
        var pauses = timed.Pauses();
        var share = timed.ServiceWarnShare ?? 0.8;
        if (timed.FirstResponseTarget is { } firstResponse)
        {
            timed.FirstResponseDueAt = ServiceClock.DueAt(timed.OpenedAt, firstResponse, calendar, pauses);
            timed.FirstResponseWarnAt = ServiceClock.WarnAt(timed.OpenedAt, firstResponse, share, calendar, pauses);
            if (timed.FirstResponseWarnAt > now)
            {
                // The due moved past the warning already given: warn again when it comes.
                timed.FirstResponseWarnedAt = null;
            }
        }

        if (timed.ResolutionTarget is { } resolution)
        {
            timed.ResolutionDueAt = ServiceClock.DueAt(timed.OpenedAt, resolution, calendar, pauses);
            timed.ResolutionWarnAt = ServiceClock.WarnAt(timed.OpenedAt, resolution, share, calendar, pauses);
            if (timed.ResolutionWarnAt > now)
            {
                timed.ResolutionWarnedAt = null;
            }
        }
    }

    private static DateTimeOffset? NextDue(Case timed)
    {
        if (!timed.IsOpen || timed.ClockPausedSince is not null)
        {
            return null;
        }

        var firstResponse = timed.FirstRespondedAt is null ? timed.FirstResponseDueAt : null;
        var resolution = timed.ResolutionDueAt;
        return firstResponse is null ? resolution : resolution is null || firstResponse < resolution ? firstResponse : resolution;
    }

    /// <summary>What counts as the first response (docs/service-levels.md): the customer heard from us.</summary>
    private async Task<bool> RespondsAsync(IReadOnlyList<CaseEntry> added, CancellationToken cancellationToken)
    {
        if (added.Any(e => e.Kind is CaseEntryKind.Answer or CaseEntryKind.EscalationContacted or CaseEntryKind.CallbackDone
                || (e.Kind == CaseEntryKind.StatusChanged && e.Status is CaseStatus.WaitingOnCustomer or CaseStatus.Resolved)))
        {
            return true;
        }

        var contactIds = added.Where(e => e.Kind == CaseEntryKind.ContactLinked && e.ContactId is not null).Select(e => e.ContactId!.Value).ToList();
        return contactIds.Count > 0 && await db.Contacts.AsNoTracking()
            .AnyAsync(c => contactIds.Contains(c.Id) && (c.Direction == ContactDirection.Outbound || c.AnsweredAt != null), cancellationToken);
    }
}
