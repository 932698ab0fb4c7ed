using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Turns <see cref="FollowUpEvent"/>s into follow-ups (F20): for each running rule of the event's kind (written
/// before the event, its product models matching the device), the person joins the rule's call list, due the rule's
/// offset after the event (a promise: at the time promised), with the event, device and case as the context on screen.
/// One follow-up per person and rule: a newer event moves a follow-up no one has tried yet to itself; one already being
/// tried is left to finish; a finished one is made anew. Run by <see cref="FollowUpJob"/> every minute.
/// </summary>
public sealed class ScheduleFollowUps(CareDeskDbContext db, CallList callList, IOptions<OutreachOptions> options, TimeProvider clock)
{
    private const int Batch = 500;

    private sealed record DeviceFacts(Guid Id, Guid PersonId, string ModelId, string MakerId);

    /// <summary>
    /// Handles one batch of waiting events (or only <paramref name="only"/>: a promise made just now); returns how
    /// many it handled — 0 when none waited, or when another node handled the same events at the same moment.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken, IReadOnlyCollection<Guid>? only = null)
    {
        var waiting = db.FollowUpEvents.Where(e => e.ProcessedAt == null);
        if (only is not null)
        {
            waiting = waiting.Where(e => only.Contains(e.Id));
        }

        var events = await waiting.OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var rules = await db.Campaigns.AsNoTracking().Where(c => c.Trigger != null && c.Status == CampaignStatus.Running).ToListAsync(cancellationToken);
        var caseIds = events.Where(e => e.CaseId is not null).Select(e => e.CaseId!.Value).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.PersonId, c.DeviceId }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var deviceIds = events.Select(e => e.DeviceId ?? (e.CaseId is { } c && cases.TryGetValue(c, out var found) ? found.DeviceId : null))
            .OfType<Guid>().Distinct().ToList();
        var devices = await (from d in db.Devices.AsNoTracking()
                             join m in db.ProductModels on d.ModelId equals m.Id
                             where deviceIds.Contains(d.Id)
                             select new DeviceFacts(d.Id, d.PersonId, d.ModelId, m.ManufacturerId)).ToDictionaryAsync(d => d.Id, cancellationToken);

        var members = new Dictionary<(Guid, Guid), CampaignMember?>();
        var people = new HashSet<Guid>();
        foreach (var happened in events)
        {
            var onCase = happened.CaseId is { } caseId ? cases.GetValueOrDefault(caseId) : null;
            var deviceId = happened.DeviceId ?? onCase?.DeviceId;
            var device = deviceId is { } id ? devices.GetValueOrDefault(id) : null;
            happened.ProcessedAt = now;
            if ((happened.PersonId ?? device?.PersonId ?? onCase?.PersonId) is not { } personId)
            {
                happened.Result = FollowUpEvent.NoPerson;
                continue;
            }

            var answered = rules.Where(r => r.Trigger == happened.Kind && (happened.CampaignId is null ? r.CreatedAt <= happened.RecordedAt : r.Id == happened.CampaignId)
                                            && (r.Target.ProductIds is not { Count: > 0 } models || (device is not null && models.Contains(device.ModelId, StringComparer.Ordinal))))
                .ToList();
            happened.Result = FollowUpEvent.NoRule;
            foreach (var rule in answered)
            {
                var due = happened.DueAt ?? happened.At.AddDays(rule.OffsetDays ?? 0);
                if (due < now - options.Value.FollowUpGrace || (rule.EndsAt is { } ends && due >= ends))
                {
                    happened.Result = FollowUpEvent.Stale;
                    continue;
                }

                if (!members.TryGetValue((rule.Id, personId), out var member))
                {
                    member = await db.CampaignMembers.SingleOrDefaultAsync(m => m.CampaignId == rule.Id && m.PersonId == personId, cancellationToken);
                }

                if (member is { Status: MemberStatus.Pending, Attempts: > 0 })
                {
                    happened.Result = FollowUpEvent.InProgress;
                    continue;
                }

                happened.Result = member is { Status: MemberStatus.Pending } ? FollowUpEvent.Moved : FollowUpEvent.Scheduled;
                if (member is null)
                {
                    member = new CampaignMember { CampaignId = rule.Id, PersonId = personId };
                    db.CampaignMembers.Add(member);
                }

                members[(rule.Id, personId)] = member;
                people.Add(personId);
                member.Status = MemberStatus.Pending;
                member.Exclusion = null;
                member.Attempts = 0;
                member.NextAttemptAt = due;
                member.HeldBy = null;
                member.LastOutcome = null;
                member.ReachedAt = null;
                member.OverrideReason = null;
                member.OverrideBy = null;
                member.UpdatedAt = now;
                member.EventId = happened.Id;
                member.EventAt = happened.At;
                member.DeviceId = device?.Id;
                member.CaseId = happened.CaseId;
                member.SkillModelId = rule.SkillFromDevice ? device?.ModelId : null;
                member.SkillMakerId = rule.SkillFromDevice ? device?.MakerId : null;
            }
        }

        if (people.Count > 0)
        {
            // Every person a follow-up may offer has their one claim row (free), as a built list's people do.
            await callList.EnsureClaimRowsAsync(db.People.Where(p => people.Contains(p.Id)).Select(p => p.Id), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same follow-up written by a promise's own run and the job at once: the key let one through; the
            // events stay waiting and the next run finds that follow-up.
            db.ChangeTracker.Clear();
            return 0;
        }

        return events.Count;
    }
}
