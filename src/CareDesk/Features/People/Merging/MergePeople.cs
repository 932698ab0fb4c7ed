using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Complaints;
using CareDesk.Features.Outreach;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.People.Merging;

/// <summary>
/// Merges a duplicate into the person who survives (F4): every row of the duplicate's moves to the survivor, the
/// survivor's own fields follow the survivorship rules, and the duplicate stays as an empty row marked merged, so that
/// <see cref="UnmergePeople"/> can put everything back under the same ids. One save: all of it or none, audited row by
/// row, plus one "merged" action entry.
/// </summary>
public sealed class MergePeople(CareDeskDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string AuditAction = "merged";

    public sealed record Request(
        Guid? MergedId,
        [property: MaxLength(1000)] string? Note,
        string? SurvivorVersion,
        string? MergedVersion);

    public async Task<Result<Guid>> RunAsync(Guid survivorId, Request request, PersonViewer viewer, CancellationToken cancellationToken)
    {
        if (request.MergedId is not { } mergedId || mergedId == Guid.Empty)
        {
            return Failure.Invalid("mergedId", "Merge.MergedRequired");
        }

        if (mergedId == survivorId)
        {
            return Failure.Invalid("mergedId", "Merge.Self");
        }

        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", "Merge.NoteRequired");
        }

        if (!Guid.TryParse(request.SurvivorVersion, out var survivorVersion))
        {
            return Failure.Invalid("survivorVersion", "Merge.VersionInvalid");
        }

        if (!Guid.TryParse(request.MergedVersion, out var mergedVersion))
        {
            return Failure.Invalid("mergedVersion", "Merge.VersionInvalid");
        }

        var people = await db.People.Where(p => p.Id == survivorId || p.Id == mergedId).ToListAsync(cancellationToken);
        if (people.Find(p => p.Id == survivorId) is not { } survivor)
        {
            return Failure.NotFound("Person.NotFound");
        }

        if (people.Find(p => p.Id == mergedId) is not { } merged)
        {
            return Failure.NotFound("mergedId", "Merge.MergedNotFound");
        }

        if (!viewer.MaySee(survivor.AssignedFieldRepId) || !viewer.MaySee(merged.AssignedFieldRepId) || viewer.Masked)
        {
            return new Failure(FailureKind.Forbidden, "Person.Forbidden");
        }

        if (survivor.MergedIntoId is not null)
        {
            return Failure.Conflict("survivorId", "Merge.SurvivorIsMerged");
        }

        if (merged.MergedIntoId is not null)
        {
            return Failure.Conflict("mergedId", "Merge.AlreadyMerged");
        }

        if (survivor.Version != survivorVersion)
        {
            return Failure.Conflict("survivorVersion", "Merge.Stale");
        }

        if (merged.Version != mergedVersion)
        {
            return Failure.Conflict("mergedVersion", "Merge.Stale");
        }

        var now = time.GetUtcNow();
        // An agent on the phone with the duplicate right now would record the call's outcome on a person who is gone.
        if (await db.OutreachClaims.AnyAsync(c => c.PersonId == mergedId && c.AttemptId != null && c.ExpiresAt > now, cancellationToken))
        {
            return Failure.Conflict("mergedId", "Merge.InOutreach");
        }

        var merge = await MoveAsync(survivor, merged, viewer.UserId, request.Note.Trim(), now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("survivorVersion", "Merge.Stale");
        }

        await audit.RecordActionAsync(AuditAction, AuditSubject.EntityType, survivorId.ToString(), cancellationToken,
            $"{mergedId} merged into {survivorId} (merge {merge.Id})");
        return merge.Id;
    }

    private async Task<PersonMerge> MoveAsync(Person survivor, Person merged, string userId, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var survivorId = survivor.Id;
        var mergedId = merged.Id;
        var moved = new MovedRows();
        var dropped = new DroppedRows();

        // Contact points: the same normalized value twice is kept once, the survivor's, with the better provenance.
        var points = await db.ContactPoints.Where(c => c.PersonId == survivorId || c.PersonId == mergedId).ToListAsync(cancellationToken);
        var kept = points.Where(c => c.PersonId == survivorId).ToList();
        foreach (var point in points.Where(c => c.PersonId == mergedId).OrderBy(c => c.Id))
        {
            if (kept.Find(c => c.Kind == point.Kind && string.Equals(c.Value, point.Value, StringComparison.Ordinal)) is { } twin)
            {
                if (Better(point.Provenance, twin.Provenance))
                {
                    dropped.ProvenanceChanges.Add(new ProvenanceChange(twin.Id, twin.Provenance, point.Provenance));
                    twin.Provenance = point.Provenance;
                }

                dropped.ContactPoints.Add(Copy(point));
                db.ContactPoints.Remove(point);
                continue;
            }

            if (point.IsPrimary && kept.Any(c => c.Kind == point.Kind && c.IsPrimary))
            {
                point.IsPrimary = false;
                moved.PrimaryCleared.Add(point.Id);
            }

            point.PersonId = survivorId;
            moved.ContactPoints.Add(point.Id);
            kept.Add(point);
        }

        foreach (var address in await db.Addresses.Where(a => a.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            address.PersonId = survivorId;
            moved.Addresses.Add(address.Id);
        }

        await MoveRelationshipsAsync(survivorId, mergedId, moved, dropped, cancellationToken);

        foreach (var device in await db.Devices.Where(d => d.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            device.PersonId = survivorId;
            moved.Devices.Add(device.Id);
        }

        var survivorHad = new SurvivorRows
        {
            Cases = await db.Cases.Where(c => c.PersonId == survivorId).Select(c => c.Id).ToListAsync(cancellationToken),
            Contacts = await db.Contacts.Where(c => c.PersonId == survivorId).Select(c => c.Id).ToListAsync(cancellationToken),
        };
        foreach (var @case in await db.Cases.Where(c => c.PersonId == mergedId || c.CallerPersonId == mergedId).ToListAsync(cancellationToken))
        {
            if (@case.PersonId == mergedId)
            {
                @case.PersonId = survivorId;
                moved.Cases.Add(@case.Id);
            }

            if (@case.CallerPersonId == mergedId)
            {
                @case.CallerPersonId = survivorId;
                moved.CaseCallers.Add(@case.Id);
            }
        }

        foreach (var contact in await db.Contacts.Where(c => c.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            contact.PersonId = survivorId;
            moved.Contacts.Add(contact.Id);
        }

        foreach (var complaint in await db.Set<Complaint>().Where(c => c.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            complaint.PersonId = survivorId;
            moved.Complaints.Add(complaint.Id);
        }

        foreach (var entry in await db.ConsentEntries.Where(e => e.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            entry.PersonId = survivorId;
            moved.ConsentEntries.Add(entry.Id);
        }

        dropped = dropped with { DoNotContactEntryAdded = await MoveDoNotContactAsync(survivorId, mergedId, moved, userId, now, cancellationToken) };

        foreach (var disclosure in await db.Disclosures.Where(d => d.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            disclosure.PersonId = survivorId;
            moved.Disclosures.Add(disclosure.Id);
        }

        foreach (var followUp in await db.FollowUpEvents.Where(e => e.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            followUp.PersonId = survivorId;
            moved.FollowUpEvents.Add(followUp.Id);
        }

        foreach (var attempt in await db.OutreachAttempts.Where(a => a.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            attempt.PersonId = survivorId;
            moved.OutreachAttempts.Add(attempt.Id);
        }

        foreach (var answer in await db.OutreachAnswers.Where(a => a.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            answer.PersonId = survivorId;
            moved.OutreachAnswers.Add(answer.Id);
        }

        await MoveCampaignMembersAsync(survivorId, mergedId, moved, dropped, cancellationToken);

        foreach (var recallDevice in await db.RecallDevices.Where(d => d.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            recallDevice.PersonId = survivorId;
            moved.RecallDevices.Add(new RecallDeviceKey(recallDevice.RecallId, recallDevice.DeviceId));
        }

        var survivorBefore = PersonScalars.Of(survivor);
        var mergedSnapshot = PersonScalars.Of(merged);
        var survivorAfter = Survivorship.Merge(survivorBefore, mergedSnapshot, now);
        survivorAfter.ApplyTo(survivor);
        survivor.Version = Guid.NewGuid();
        // The duplicate's own fields stay as they were (an unmerge needs nothing else); only the mark is new.
        merged.MergedIntoId = survivorId;
        merged.Version = Guid.NewGuid();

        var merge = new PersonMerge
        {
            SurvivorId = survivorId,
            MergedId = mergedId,
            Note = note,
            MergedBy = userId,
            MergedAt = now,
            SurvivorBefore = survivorBefore,
            SurvivorAfter = survivorAfter,
            MergedSnapshot = mergedSnapshot,
            Moved = moved,
            Dropped = dropped,
            SurvivorHad = survivorHad,
        };
        db.PersonMerges.Add(merge);
        return merge;
    }

    private async Task MoveRelationshipsAsync(Guid survivorId, Guid mergedId, MovedRows moved, DroppedRows dropped, CancellationToken cancellationToken)
    {
        var relationships = await db.Relationships
            .Where(r => r.FromPersonId == mergedId || r.ToPersonId == mergedId || r.FromPersonId == survivorId || r.ToPersonId == survivorId)
            .ToListAsync(cancellationToken);
        var existing = relationships
            .Where(r => r.FromPersonId != mergedId && r.ToPersonId != mergedId)
            .Select(r => (r.FromPersonId, r.ToPersonId, r.Kind))
            .ToHashSet();
        foreach (var relationship in relationships.Where(r => r.FromPersonId == mergedId || r.ToPersonId == mergedId).OrderBy(r => r.Id))
        {
            var from = relationship.FromPersonId == mergedId ? survivorId : relationship.FromPersonId;
            var to = relationship.ToPersonId == mergedId ? survivorId : relationship.ToPersonId;
            // Between the two themselves it would relate the survivor to itself; a second copy would break the unique index.
            if (from == to || !existing.Add((from, to, relationship.Kind)))
            {
                dropped.Relationships.Add(Copy(relationship));
                db.Relationships.Remove(relationship);
                continue;
            }

            if (relationship.FromPersonId == mergedId)
            {
                relationship.FromPersonId = survivorId;
                moved.RelationshipsFrom.Add(relationship.Id);
            }

            if (relationship.ToPersonId == mergedId)
            {
                relationship.ToPersonId = survivorId;
                moved.RelationshipsTo.Add(relationship.Id);
            }
        }
    }

    // The ledger moves whole; when either person's "do not contact" was in force and the joined ledger's newest entry
    // would not say so (the duplicate's was set, or the survivor's older "set" is behind the duplicate's newer "lift"),
    // one more entry says it: safety first.
    private async Task<Guid?> MoveDoNotContactAsync(Guid survivorId, Guid mergedId, MovedRows moved, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = await db.DoNotContactEntries.Where(e => e.PersonId == survivorId || e.PersonId == mergedId).ToListAsync(cancellationToken);
        static bool InForce(IEnumerable<DoNotContactEntry> ledger) =>
            ledger.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).FirstOrDefault()?.Active == true;
        var eitherSet = InForce(entries.Where(e => e.PersonId == survivorId)) || InForce(entries.Where(e => e.PersonId == mergedId));
        foreach (var entry in entries.Where(e => e.PersonId == mergedId))
        {
            entry.PersonId = survivorId;
            moved.DoNotContactEntries.Add(entry.Id);
        }

        if (!eitherSet || InForce(entries))
        {
            return null;
        }

        var added = new DoNotContactEntry
        {
            PersonId = survivorId,
            Active = true,
            Reason = "merge",
            Source = "merge",
            RecordedBy = userId,
            RecordedAt = now,
        };
        db.DoNotContactEntries.Add(added);
        return added.Id;
    }

    // A member row is keyed by campaign and person: moving it is taking it out and putting it in again. In a campaign
    // both are members of, the survivor's row stays and the duplicate's is kept aside.
    private async Task MoveCampaignMembersAsync(Guid survivorId, Guid mergedId, MovedRows moved, DroppedRows dropped, CancellationToken cancellationToken)
    {
        var members = await db.CampaignMembers.Where(m => m.PersonId == survivorId || m.PersonId == mergedId).ToListAsync(cancellationToken);
        var survivorCampaigns = members.Where(m => m.PersonId == survivorId).Select(m => m.CampaignId).ToHashSet();
        foreach (var member in members.Where(m => m.PersonId == mergedId))
        {
            db.CampaignMembers.Remove(member);
            if (survivorCampaigns.Contains(member.CampaignId))
            {
                dropped.CampaignMembers.Add(CopyMember(member, mergedId));
                continue;
            }

            db.CampaignMembers.Add(CopyMember(member, survivorId));
            moved.CampaignMembers.Add(member.CampaignId);
        }
    }

    // Verified beats unverified; of two verified, the later confirmation; of two unverified, the later recording.
    internal static bool Better(FactProvenance candidate, FactProvenance current) =>
        (candidate.VerifiedAt, current.VerifiedAt) switch
        {
            ({ } a, { } b) => a > b,
            ({ }, null) => true,
            (null, { }) => false,
            _ => candidate.RecordedAt > current.RecordedAt,
        };

    internal static ContactPoint Copy(ContactPoint point) => new()
    {
        Id = point.Id,
        PersonId = point.PersonId,
        Kind = point.Kind,
        Type = point.Type,
        Value = point.Value,
        Raw = point.Raw,
        LastDigits = point.LastDigits,
        IsPrimary = point.IsPrimary,
        Provenance = point.Provenance,
    };

    internal static Relationship Copy(Relationship relationship) => new()
    {
        Id = relationship.Id,
        FromPersonId = relationship.FromPersonId,
        ToPersonId = relationship.ToPersonId,
        Kind = relationship.Kind,
        Provenance = relationship.Provenance,
    };

    internal static CampaignMember CopyMember(CampaignMember member, Guid personId) => new()
    {
        CampaignId = member.CampaignId,
        PersonId = personId,
        Status = member.Status,
        Exclusion = member.Exclusion,
        Attempts = member.Attempts,
        NextAttemptAt = member.NextAttemptAt,
        HeldBy = member.HeldBy,
        LastOutcome = member.LastOutcome,
        ReachedAt = member.ReachedAt,
        OverrideReason = member.OverrideReason,
        OverrideBy = member.OverrideBy,
        UpdatedAt = member.UpdatedAt,
        EventId = member.EventId,
        EventAt = member.EventAt,
        DeviceId = member.DeviceId,
        CaseId = member.CaseId,
        SkillModelId = member.SkillModelId,
        SkillMakerId = member.SkillMakerId,
    };
}
