using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>
/// Merges a duplicate into the case that goes on (F11): the duplicate is closed and points to the target, its open
/// callbacks and running escalations move to the target, and both timelines say so — one transaction, under the
/// versions of both cases, so nothing is left behind on a closed case.
/// </summary>
public sealed class MergeCase(CareDeskDbContext db, CaseAccess access, LinkCases links)
{
    /// <param name="IntoCaseId">The case that goes on, by id, or</param>
    /// <param name="IntoNumber">by its number.</param>
    /// <param name="Note">Why they are the same problem.</param>
    /// <param name="Version">The version of the duplicate the agent saw.</param>
    public sealed record Request(
        [property: Required, MaxLength(2000)] string Note,
        [property: Required] string Version,
        Guid? IntoCaseId = null,
        [property: MaxLength(32)] string? IntoNumber = null);

    public async Task<Result<Guid>> RunAsync(Guid id, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return Failure.Invalid("note", "CaseLink.MergeNoteRequired");
        }

        var loaded = await access.LoadForChangeAsync(id, request.Version ?? "", actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var source = loaded.Value!;

        if (source.MergedIntoCaseId is not null || source.Status == CaseStatus.Closed)
        {
            return Failure.Invalid("status", "CaseLink.SourceClosed");
        }

        var found = await links.FindOtherAsync(id, request.IntoCaseId, request.IntoNumber, "intoCaseId", "intoNumber", actor, cancellationToken);
        if (found.Failure is { } noTarget)
        {
            return noTarget;
        }

        var target = found.Value!;
        var field = request.IntoCaseId is null ? "intoNumber" : "intoCaseId";
        if (target.MergedIntoCaseId is not null)
        {
            return Failure.Invalid(field, "CaseLink.TargetMerged");
        }

        if (!target.IsOpen)
        {
            return Failure.Invalid(field, "CaseLink.TargetNotOpen");
        }

        if (target.PersonId != source.PersonId)
        {
            return Failure.Invalid(field, "CaseLink.TargetOtherPerson");
        }

        var now = access.Now();
        // Promises and running escalations go on with the target: their timers are keyed by their own ids, so they
        // fire there. Made callbacks and finished escalations stay in the duplicate's history.
        foreach (var callback in await db.Callbacks.Where(c => c.CaseId == id && c.Status != CallbackStatus.Done).ToListAsync(cancellationToken))
        {
            callback.CaseId = target.Id;
            callback.Version = Guid.NewGuid();
        }

        foreach (var escalation in await db.Escalations.Where(e => e.CaseId == id && (e.Status == EscalationStatus.Alerting || e.Status == EscalationStatus.Acknowledged)).ToListAsync(cancellationToken))
        {
            escalation.CaseId = target.Id;
            escalation.Version = Guid.NewGuid();
        }

        var note = request.Note.Trim();
        source.Status = CaseStatus.Closed;
        source.ClosedAt = now;
        source.MergedIntoCaseId = target.Id;
        // The target's version moves too: a merge racing its closing or its own merge is a conflict, not a merge into a closed case.
        target.UpdatedAt = now;
        target.Version = Guid.NewGuid();
        links.AddEntry(target, CaseEntryKind.Merged, now, actor, source, note);
        return await access.SaveAsync(source, LinkCases.Entry(CaseEntryKind.Merged, now, actor, target, note), cancellationToken);
    }
}
