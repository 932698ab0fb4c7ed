using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Staff;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>
/// "Get me the on-duty expert" (story 5, F13): the chain comes from the roster at this moment; the first expert is
/// alerted and must acknowledge in time. The case stays with its owner until an expert acknowledges, so it is never
/// without one. With nobody on call, the supervisors are told at once.
/// </summary>
public sealed class EscalateCase(CareDeskDbContext db, CaseAccess access, Roster roster, EscalationAlerts alerts, DurableTimers timers, IOptions<EscalationOptions> options)
{
    public sealed record Request([property: Required, MaxLength(8000)] string Note);

    public async Task<Result<Guid>> RunAsync(Guid caseId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", "Escalation.NoteRequired");
        }

        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var escalated = loaded.Value!;
        if (!escalated.IsOpen)
        {
            return Failure.Invalid("status", "Case.NotOpen");
        }

        if (await db.Escalations.AnyAsync(e => e.CaseId == caseId && (e.Status == EscalationStatus.Alerting || e.Status == EscalationStatus.Acknowledged), cancellationToken))
        {
            return Failure.Conflict("Escalation.AlreadyActive");
        }

        var now = access.Now();
        var escalation = await StartAsync(escalated, request.Note.Trim(), [], actor, now, cancellationToken);
        var saved = await access.SaveChangedAsync(escalated, now, cancellationToken);
        if (saved.Failure is { } conflict)
        {
            return conflict;
        }

        alerts.PublishQueued();
        return escalation.Id;
    }

    /// <summary>
    /// Starts an escalation of <paramref name="escalated"/> (loaded through <see cref="CaseAccess"/>, open, with no
    /// active escalation): takes the chain from the roster, alerts the first expert with the acknowledge deadline (or
    /// tells the supervisors nobody is on call), writes the timeline entry and sets the deadline timer. The caller
    /// saves, then publishes the queued alerts; so a clinical red flag escalates in the same transaction as its answers.
    /// </summary>
    internal async Task<Escalation> StartAsync(Case escalated, string note, IReadOnlyList<string> redFlags, StaffActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var chain = await roster.ChainAtAsync(settings.Team, now, cancellationToken);
        var escalation = new Escalation
        {
            CaseId = escalated.Id,
            TeamId = settings.Team,
            RequestedBy = actor.UserId,
            RequestedAt = now,
            Note = note,
            Chain = [.. chain],
            RedFlags = [.. redFlags],
        };
        db.Escalations.Add(escalation);
        if (chain.Count == 0)
        {
            escalation.Status = EscalationStatus.Exhausted;
            await alerts.TellSupervisorsAsync(escalation, escalated, null, cancellationToken);
            db.CaseEntries.Add(Entry(escalated, escalation, CaseEntryKind.EscalationExhausted, now, actor.UserId, null));
        }
        else
        {
            EscalationDeadlines.AlertLevel(escalation, 0, now, settings);
            await alerts.AlertExpertAsync(escalation, escalated, cancellationToken);
            db.CaseEntries.Add(Entry(escalated, escalation, CaseEntryKind.Escalated, now, actor.UserId, escalation.AlertedUserId));
        }

        if (escalation.Status == EscalationStatus.Alerting)
        {
            // The deadline commits with the escalation: a node that dies after the commit cannot lose it.
            EscalationDeadlines.SetTimer(timers, db, escalation);
        }

        return escalation;
    }

    internal static CaseEntry Entry(Case escalated, Escalation escalation, CaseEntryKind kind, DateTimeOffset at, string actor, string? toUserId) => new()
    {
        CaseId = escalated.Id,
        Kind = kind,
        At = at,
        ActorUserId = actor,
        Text = kind == CaseEntryKind.Escalated || kind == CaseEntryKind.EscalationExhausted ? escalation.Note : null,
        ToOwner = toUserId is null ? null : CaseOwner.User(toUserId).ToString(),
    };
}
