using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>
/// The alerted expert answers: "I have it". They become the case's owner and must now contact the customer by the
/// contact deadline. Only the expert alerted now may acknowledge; an acknowledgement after the chain moved on is a
/// conflict (the next expert is already alerted).
/// </summary>
public sealed class AcknowledgeEscalation(CareDeskDbContext db, CaseAccess access, DurableTimers timers, IOptions<EscalationOptions> options)
{
    public Task<Guid> CaseIdOfAsync(Guid escalationId, CancellationToken cancellationToken) =>
        db.Escalations.Where(e => e.Id == escalationId).Select(e => e.CaseId).SingleAsync(cancellationToken);

    public async Task<Result<Guid>> RunAsync(Guid escalationId, StaffActor actor, CancellationToken cancellationToken)
    {
        var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == escalationId, cancellationToken);
        if (escalation is null)
        {
            return Failure.NotFound("Escalation.NotFound");
        }

        if (escalation.Status != EscalationStatus.Alerting || escalation.AlertedUserId != actor.UserId)
        {
            return Failure.Conflict("Escalation.NotYours");
        }

        var loaded = await access.LoadAsync(escalation.CaseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var escalated = loaded.Value!;
        var now = access.Now();
        escalation.Status = EscalationStatus.Acknowledged;
        escalation.AcknowledgedAt = now;
        escalation.ContactBy = now + options.Value.ContactWithin;
        escalation.Version = Guid.NewGuid();
        var from = escalated.Owner.ToString();
        escalated.OwnedBy(CaseOwner.User(actor.UserId));
        if (escalated.Status == CaseStatus.New)
        {
            escalated.Status = CaseStatus.InProgress;
        }

        EscalationDeadlines.SetTimer(timers, db, escalation);
        var saved = await access.SaveAsync(escalated, new CaseEntry
        {
            Kind = CaseEntryKind.EscalationAcknowledged,
            At = now,
            ActorUserId = actor.UserId,
            FromOwner = from,
            ToOwner = CaseOwner.User(actor.UserId).ToString(),
        }, cancellationToken);
        if (saved.Failure is not null)
        {
            return Failure.Conflict("Escalation.NotYours");
        }

        return escalation.Id;
    }
}
