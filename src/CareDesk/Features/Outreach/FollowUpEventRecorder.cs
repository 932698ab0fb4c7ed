using CareDesk.Features.Cases;
using CareDesk.Features.Devices;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CareDesk.Features.Outreach;

/// <summary>
/// The follow-up rules' event hook (F20): whichever use case registers, repairs, replaces or checks a device, or
/// resolves a case holding a complaint, the same save writes a <see cref="FollowUpEvent"/> — nothing to remember in
/// each writer, and no event without what happened (or the reverse). Registered in <c>AddOutreach</c>; runs before the
/// audit, so the event is audited with the change.
/// </summary>
internal sealed class FollowUpEventRecorder(TimeProvider clock) : IPendingChangesInterceptor
{
    public void SavingChanges(ChangeTracker changes)
    {
        List<FollowUpEvent>? events = null;
        var now = clock.GetUtcNow();
        var added = changes.Entries<DeviceEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        // A device written back from an outreach call's answer ("which meter do you use now") is what the person was
        // just asked about, not a new purchase to call them about again a week later.
        var fromOutreachCall = added.Count > 0 && changes.Entries<OutreachAttempt>().Any(e => e.State == EntityState.Modified);
        var devices = added.Count == 0 ? [] : changes.Entries<Device>().ToDictionary(d => d.Entity.Id, d => d.Entity);
        foreach (var happened in added)
        {
            var device = devices.GetValueOrDefault(happened.DeviceId);
            FollowUpTrigger? kind = happened.Kind switch
            {
                DeviceEventKind.Registered => FollowUpTrigger.Registration,
                DeviceEventKind.Repair => FollowUpTrigger.Repair,
                DeviceEventKind.Replacement => FollowUpTrigger.Replacement,
                DeviceEventKind.Check => FollowUpTrigger.Check,
                _ => null,
            };
            if (kind is not { } trigger || (trigger == FollowUpTrigger.Registration && fromOutreachCall))
            {
                continue;
            }

            (events ??= []).Add(new FollowUpEvent { Kind = trigger, PersonId = device?.PersonId, DeviceId = happened.DeviceId, CaseId = happened.CaseId, At = happened.At, RecordedBy = happened.RecordedBy, RecordedAt = now });
            if (trigger == FollowUpTrigger.Registration && device?.PurchaseDate is { } bought)
            {
                events.Add(new FollowUpEvent { Kind = FollowUpTrigger.Purchase, PersonId = device.PersonId, DeviceId = device.Id, At = new DateTimeOffset(bought, TimeOnly.MinValue, TimeSpan.Zero), RecordedBy = happened.RecordedBy, RecordedAt = now });
            }
        }

        foreach (var entry in changes.Entries<Case>().Where(e => e.State == EntityState.Modified))
        {
            var status = entry.Property(c => c.Status);
            if (entry.Entity.HoldsComplaint && status.IsModified && entry.Entity.Status == CaseStatus.Resolved && status.OriginalValue != CaseStatus.Resolved)
            {
                (events ??= []).Add(new FollowUpEvent { Kind = FollowUpTrigger.ComplaintResolved, PersonId = entry.Entity.PersonId, DeviceId = entry.Entity.DeviceId, CaseId = entry.Entity.Id, At = entry.Entity.ResolvedAt ?? now, RecordedAt = now });
            }
        }

        if (events is not null)
        {
            changes.Context.AddRange(events);
        }
    }
}
