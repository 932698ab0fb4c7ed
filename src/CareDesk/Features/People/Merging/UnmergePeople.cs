using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Complaints;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People.Merging;

/// <summary>
/// Undoes a merge (F4): every row the merge moved goes back to the merged person, what it dropped is put back under its
/// own key, the merged person is unmarked, and the survivor's own fields return to their values before the merge —
/// except a field changed since, which keeps the later change. What the survivor gained since the merge (a new call, a
/// new case) stays with the survivor unless the request names it in <see cref="Request.Move"/>.
/// </summary>
public sealed class UnmergePeople(CareDeskDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "unmerged";

    public sealed record Moves(IReadOnlyList<Guid>? Contacts, IReadOnlyList<Guid>? Cases);

    public sealed record Request([property: MaxLength(1000)] string? Note, Moves? Move = null);

    /// <summary>The unmerge's outcome: the fields of the survivor that kept a change made after the merge.</summary>
    public sealed record Outcome(Guid MergeId, IReadOnlyList<string> KeptSurvivorFields);

    public async Task<Result<Outcome>> RunAsync(Guid mergeId, Request request, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", "Merge.NoteRequired");
        }

        if (await db.PersonMerges.FirstOrDefaultAsync(m => m.Id == mergeId, cancellationToken) is not { } merge)
        {
            return Failure.NotFound("Merge.NotFound");
        }

        if (merge.UnmergedAt is not null)
        {
            return Failure.Conflict("mergeId", "Merge.AlreadyUnmerged");
        }

        var people = await db.People.Where(p => p.Id == merge.SurvivorId || p.Id == merge.MergedId).ToListAsync(cancellationToken);
        var survivor = people.Single(p => p.Id == merge.SurvivorId);
        var merged = people.Single(p => p.Id == merge.MergedId);
        if (!viewer.MaySee(survivor.AssignedFieldRepId) || viewer.Masked)
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        // The survivor's rows may have moved on again with it; that merge is undone first, newest first.
        if (survivor.MergedIntoId is not null)
        {
            return Failure.Conflict("mergeId", "Merge.SurvivorMergedSince");
        }

        if (merged.MergedIntoId != merge.SurvivorId)
        {
            return Failure.Conflict("mergeId", "Merge.NotMerged");
        }

        var contacts = request.Move?.Contacts ?? [];
        var cases = request.Move?.Cases ?? [];
        if (await CheckNewRowsAsync(merge, contacts, cases, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        await MoveBackAsync(merge, contacts, cases, cancellationToken);

        var (restored, kept) = Survivorship.Unmerge(merge.SurvivorBefore, merge.SurvivorAfter, PersonScalars.Of(survivor));
        restored.ApplyTo(survivor);
        survivor.Version = Guid.NewGuid();
        merge.MergedSnapshot.ApplyTo(merged);
        merged.MergedIntoId = null;
        merged.Version = Guid.NewGuid();
        merge.UnmergedAt = now;
        merge.UnmergedBy = viewer.UserId;
        merge.UnmergeNote = request.Note.Trim();
        merge.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another supervisor unmerged it, or someone changed one of the two people, between our read and our write.
            return Failure.Conflict("mergeId", "Merge.Changed");
        }

        await audit.RecordActionAsync(AuditAction, AuditSubject.EntityType, merge.SurvivorId.ToString(), cancellationToken,
            $"{merge.MergedId} unmerged from {merge.SurvivorId} (merge {merge.Id})");
        return new Outcome(merge.Id, kept);
    }

    // Only what came to the survivor after the merge may be named: what the merge moved goes back anyway, and what
    // the survivor had before is the survivor's.
    private async Task<Failure?> CheckNewRowsAsync(PersonMerge merge, IReadOnlyList<Guid> contacts, IReadOnlyList<Guid> cases, CancellationToken cancellationToken)
    {
        var survivorId = merge.SurvivorId;
        var survivorContacts = await db.Contacts.Where(c => contacts.Contains(c.Id) && c.PersonId == survivorId).Select(c => c.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < contacts.Count; i++)
        {
            if (!survivorContacts.Contains(contacts[i]) || merge.SurvivorHad.Contacts.Contains(contacts[i]) || merge.Moved.Contacts.Contains(contacts[i]))
            {
                return Failure.Invalid($"move.contacts[{i}]", "Unmerge.NotNewContact");
            }
        }

        var survivorCases = await db.Cases.Where(c => cases.Contains(c.Id) && c.PersonId == survivorId).Select(c => c.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < cases.Count; i++)
        {
            if (!survivorCases.Contains(cases[i]) || merge.SurvivorHad.Cases.Contains(cases[i]) || merge.Moved.Cases.Contains(cases[i]))
            {
                return Failure.Invalid($"move.cases[{i}]", "Unmerge.NotNewCase");
            }
        }

        return null;
    }

    // A moved row goes back only while it is still the survivor's: one deleted since, or handed to someone else
    // since (a device sold on), is left where it is now.
    private async Task MoveBackAsync(PersonMerge merge, IReadOnlyList<Guid> newContacts, IReadOnlyList<Guid> newCases, CancellationToken cancellationToken)
    {
        var s = merge.SurvivorId;
        var m = merge.MergedId;
        var moved = merge.Moved;
        var dropped = merge.Dropped;

        foreach (var point in await db.ContactPoints.Where(c => moved.ContactPoints.Contains(c.Id) && c.PersonId == s).ToListAsync(cancellationToken))
        {
            point.PersonId = m;
            point.IsPrimary = point.IsPrimary || moved.PrimaryCleared.Contains(point.Id);
        }

        var changed = dropped.ProvenanceChanges.Select(c => c.ContactPointId).ToList();
        foreach (var point in await db.ContactPoints.Where(c => changed.Contains(c.Id)).ToListAsync(cancellationToken))
        {
            var change = dropped.ProvenanceChanges.Single(c => c.ContactPointId == point.Id);
            // Confirmed again since the merge: that confirmation is the survivor's own.
            if (point.Provenance == change.After)
            {
                point.Provenance = change.Before;
            }
        }

        db.ContactPoints.AddRange(dropped.ContactPoints.Select(MergePeople.Copy));

        foreach (var address in await db.Addresses.Where(a => moved.Addresses.Contains(a.Id) && a.PersonId == s).ToListAsync(cancellationToken))
        {
            address.PersonId = m;
        }

        var relationshipIds = moved.RelationshipsFrom.Concat(moved.RelationshipsTo).ToList();
        foreach (var relationship in await db.Relationships.Where(r => relationshipIds.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            if (moved.RelationshipsFrom.Contains(relationship.Id) && relationship.FromPersonId == s)
            {
                relationship.FromPersonId = m;
            }

            if (moved.RelationshipsTo.Contains(relationship.Id) && relationship.ToPersonId == s)
            {
                relationship.ToPersonId = m;
            }
        }

        db.Relationships.AddRange(dropped.Relationships.Select(MergePeople.Copy));

        foreach (var device in await db.Devices.Where(d => moved.Devices.Contains(d.Id) && d.PersonId == s).ToListAsync(cancellationToken))
        {
            device.PersonId = m;
        }

        var caseIds = moved.Cases.Concat(moved.CaseCallers).Concat(newCases).ToList();
        foreach (var @case in await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken))
        {
            if ((moved.Cases.Contains(@case.Id) || newCases.Contains(@case.Id)) && @case.PersonId == s)
            {
                @case.PersonId = m;
            }

            if (moved.CaseCallers.Contains(@case.Id) && @case.CallerPersonId == s)
            {
                @case.CallerPersonId = m;
            }
        }

        var contactIds = moved.Contacts.Concat(newContacts).ToList();
        foreach (var contact in await db.Contacts.Where(c => contactIds.Contains(c.Id) && c.PersonId == s).ToListAsync(cancellationToken))
        {
            contact.PersonId = m;
        }

        foreach (var complaint in await db.Set<Complaint>().Where(c => moved.Complaints.Contains(c.Id) && c.PersonId == s).ToListAsync(cancellationToken))
        {
            complaint.PersonId = m;
        }

        foreach (var entry in await db.ConsentEntries.Where(e => moved.ConsentEntries.Contains(e.Id) && e.PersonId == s).ToListAsync(cancellationToken))
        {
            entry.PersonId = m;
        }

        foreach (var entry in await db.DoNotContactEntries.Where(e => moved.DoNotContactEntries.Contains(e.Id) && e.PersonId == s).ToListAsync(cancellationToken))
        {
            entry.PersonId = m;
        }

        // The entry only the merge wrote: each person's own ledger says again what it said before.
        if (dropped.DoNotContactEntryAdded is { } added
            && await db.DoNotContactEntries.FirstOrDefaultAsync(e => e.Id == added, cancellationToken) is { } entryAdded)
        {
            db.DoNotContactEntries.Remove(entryAdded);
        }

        foreach (var disclosure in await db.Disclosures.Where(d => moved.Disclosures.Contains(d.Id) && d.PersonId == s).ToListAsync(cancellationToken))
        {
            disclosure.PersonId = m;
        }

        foreach (var followUp in await db.FollowUpEvents.Where(e => moved.FollowUpEvents.Contains(e.Id) && e.PersonId == s).ToListAsync(cancellationToken))
        {
            followUp.PersonId = m;
        }

        foreach (var attempt in await db.OutreachAttempts.Where(a => moved.OutreachAttempts.Contains(a.Id) && a.PersonId == s).ToListAsync(cancellationToken))
        {
            attempt.PersonId = m;
        }

        foreach (var answer in await db.OutreachAnswers.Where(a => moved.OutreachAnswers.Contains(a.Id) && a.PersonId == s).ToListAsync(cancellationToken))
        {
            answer.PersonId = m;
        }

        foreach (var member in await db.CampaignMembers.Where(x => x.PersonId == s && moved.CampaignMembers.Contains(x.CampaignId)).ToListAsync(cancellationToken))
        {
            db.CampaignMembers.Remove(member);
            db.CampaignMembers.Add(MergePeople.CopyMember(member, m));
        }

        db.CampaignMembers.AddRange(dropped.CampaignMembers.Select(member => MergePeople.CopyMember(member, m)));

        var recallIds = moved.RecallDevices.Select(k => k.RecallId).Distinct().ToList();
        foreach (var recallDevice in await db.RecallDevices.Where(d => recallIds.Contains(d.RecallId) && d.PersonId == s).ToListAsync(cancellationToken))
        {
            if (moved.RecallDevices.Contains(new RecallDeviceKey(recallDevice.RecallId, recallDevice.DeviceId)))
            {
                recallDevice.PersonId = m;
            }
        }
    }
}
