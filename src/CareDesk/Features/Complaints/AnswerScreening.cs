using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Cases;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints;

/// <summary>
/// The screening question answered after the contact was recorded (F15): the phone system records calls with no answer,
/// so the agent answers it later for that contact. The rules are <see cref="ScreenContact"/>'s: the answer is kept with
/// who and when, and a "yes" flags the case's complaint with the contact's start as awareness. The case is the one
/// named, else the one open case the contact is on; a contact on no case keeps only its answer.
/// </summary>
public sealed class AnswerScreening(CareDeskDbContext db, ContactAccess contacts, ContactViews views, ScreenContact screening)
{
    public sealed record Request([property: MaxLength(16)] string? DeviceProblemAlleged, Guid? CaseId = null);

    public async Task<Result<ContactView>> RunAsync(Guid contactId, Request request, PersonViewer viewer, TimeZoneInfo receivingZone, CancellationToken cancellationToken)
    {
        var answer = ScreenContact.Parse(request.DeviceProblemAlleged);
        if (answer.Failure is { } invalid)
        {
            return invalid;
        }

        var loaded = await contacts.LoadAsync(contactId, viewer, cancellationToken, tracked: false);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        // One question per contact: a different answer later would leave a complaint flagged by a "no"; only quality
        // clears a flag. The same answer again is a retry and links and flags what the first did not reach.
        if (loaded.Value!.DeviceProblemAlleged is { } stored && stored != answer.Value)
        {
            return Failure.Conflict("Screening.AlreadyAnswered");
        }

        var caseId = request.CaseId;
        if (caseId is null)
        {
            var open = await db.CaseEntries.AsNoTracking()
                .Where(e => e.ContactId == contactId)
                .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => c)
                .Where(c => c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)
                .Select(c => c.Id).Distinct().Take(2).ToListAsync(cancellationToken);
            if (open.Count > 1)
            {
                return Failure.Invalid("caseId", "Screening.CaseRequired");
            }

            caseId = open.Count == 1 ? open[0] : null;
        }

        var actor = new StaffActor(viewer.UserId, viewer.OnlyAssigned);
        if (caseId is { } id && await screening.CheckCaseAsync(id, actor, cancellationToken) is { } wrongCase)
        {
            return wrongCase;
        }

        var screened = await screening.RunAsync(contactId, answer.Value, caseId, actor, receivingZone, cancellationToken);
        if (screened.Failure is { } notScreened)
        {
            return notScreened;
        }

        var contact = await db.Contacts.AsNoTracking().Include(c => c.Transfers).SingleAsync(c => c.Id == contactId, cancellationToken);
        return await views.BuildAsync(contact, viewer.Masked, cancellationToken);
    }
}
