using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>The expert has called the customer back (or reached them otherwise): the escalation did its job.</summary>
public sealed class RecordEscalationContact(CareDeskDbContext db, CaseAccess access, DurableTimers timers)
{
    public sealed record Request([property: Required, MaxLength(8000)] string Note);

    public async Task<Result<Guid>> RunAsync(Guid escalationId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", "Escalation.ContactNoteRequired");
        }

        var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == escalationId, cancellationToken);
        if (escalation is null)
        {
            return Failure.NotFound("Escalation.NotFound");
        }

        if (escalation.Status != EscalationStatus.Acknowledged || escalation.AlertedUserId != actor.UserId)
        {
            return Failure.Conflict("Escalation.NotYours");
        }

        var loaded = await access.LoadAsync(escalation.CaseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var now = access.Now();
        escalation.Status = EscalationStatus.Contacted;
        escalation.ContactedAt = now;
        escalation.Version = Guid.NewGuid();
        timers.Clear<EscalationDeadlineJob>(db, escalation.Id.ToString());
        var saved = await access.SaveAsync(loaded.Value!, new CaseEntry
        {
            Kind = CaseEntryKind.EscalationContacted,
            At = now,
            ActorUserId = actor.UserId,
            Text = request.Note.Trim(),
        }, cancellationToken);
        if (saved.Failure is not null)
        {
            return Failure.Conflict("Escalation.NotYours");
        }

        return escalation.Id;
    }
}
