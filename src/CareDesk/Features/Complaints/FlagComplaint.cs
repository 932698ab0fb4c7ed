using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints;

/// <summary>
/// The screening answer "yes, this is a complaint" (F15): opens the case's complaint file with its awareness time —
/// the start of the contact it came in, whoever took it — and makes the case a complaint, so it can never be closed as
/// a question. Flagging a flagged case changes nothing; flagging one quality cleared opens the file again.
/// </summary>
public sealed class FlagComplaint(CareDeskDbContext db, CaseAccess access)
{
    /// <param name="ContactId">The contact the complaint came in (linked to the case); without one, awareness is now.</param>
    public sealed record Request(Guid? ContactId = null);

    public async Task<Result<Guid>> RunAsync(Guid caseId, Request request, StaffActor actor, TimeZoneInfo receivingZone, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;
        var now = access.Now();
        var awareness = now;
        if (request.ContactId is { } contactId)
        {
            var contact = await db.CaseEntries.AsNoTracking()
                .Where(e => e.CaseId == caseId && e.ContactId == contactId)
                .Join(db.Contacts, e => e.ContactId, c => c.Id, (e, c) => new { c.StartedAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (contact is null)
            {
                return Failure.Invalid("contactId", "Complaint.ContactNotOnCase");
            }

            awareness = contact.StartedAt;
        }

        var complaint = await db.Set<Complaint>().SingleOrDefaultAsync(c => c.CaseId == caseId, cancellationToken);
        if (complaint is { IsActive: true })
        {
            return complaint.Id;
        }

        if (complaint is null)
        {
            complaint = new Complaint
            {
                CaseId = caseId,
                PersonId = found.PersonId,
                AwarenessAt = awareness,
                AwarenessContactId = request.ContactId,
                ReceivingTimeZone = receivingZone.Id,
                FlaggedBy = actor.UserId,
                FlaggedAt = now,
            };
            db.Set<Complaint>().Add(complaint);
        }
        else
        {
            // Quality had cleared it; new information makes it a complaint again. The first awareness stands.
            complaint.ClearedAt = null;
            complaint.ClearedBy = null;
            complaint.ClearReason = null;
            complaint.Version = Guid.NewGuid();
        }

        found.Type = CaseType.Complaint;
        found.HoldsComplaint = true;
        Result<Guid> saved;
        try
        {
            saved = await access.SaveAsync(found, new CaseEntry
            {
                Kind = CaseEntryKind.ComplaintFlagged,
                At = now,
                // Not the contact: the timeline links a contact once, as "contact linked"; the file keeps which it was.
                ActorUserId = actor.UserId,
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two agents flagged the same case at once and the unique index on the case kept the other's file
            // (PostgreSQL makes the second insert wait for the first and then refuses it): flagging a flagged case
            // changes nothing, so this one answers with that file.
            db.ChangeTracker.Clear();
            if (await db.Set<Complaint>().AsNoTracking().Where(c => c.CaseId == caseId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken) is { } other)
            {
                return other;
            }

            throw;
        }

        return saved.Succeeded ? complaint.Id : saved.Failure!;
    }
}
