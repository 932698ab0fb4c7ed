using System.ComponentModel.DataAnnotations;
using CareDesk.Features.ServiceLevels;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Cases;

/// <summary>Promises a call back by a time, and records it done; both on the case's timeline.</summary>
public sealed class PromiseCallback(CareDeskDbContext db, CaseAccess access, DurableTimers timers, CaseClocks clocks)
{
    public sealed record Request(DateTimeOffset? DueAt, [property: MaxLength(2000)] string? Note = null, [property: MaxLength(450)] string? OwnerUserId = null);

    public sealed record DoneRequest([property: Required, MaxLength(2000)] string Outcome);

    public async Task<Result<Guid>> RunAsync(Guid caseId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var now = access.Now();
        if (request.DueAt <= now)
        {
            return Failure.Invalid("dueAt", "Callback.DueInPast");
        }

        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        // No time promised: the case's service-level policy gives one (its callback target, in business time).
        var dueAt = request.DueAt;
        DateTimeOffset? warnAt = null;
        if (dueAt is null && await clocks.CallbackDueAsync(loaded.Value!, now, cancellationToken) is { } target)
        {
            (dueAt, warnAt) = target;
        }

        if (dueAt is null)
        {
            return Failure.Invalid("dueAt", "Callback.DueRequired");
        }

        if (!loaded.Value!.IsOpen)
        {
            return Failure.Invalid("status", "Case.NotOpen");
        }

        var owner = string.IsNullOrWhiteSpace(request.OwnerUserId) ? actor.UserId : request.OwnerUserId;
        var resolved = await access.ResolveOwnerAsync(owner, null, cancellationToken);
        if (resolved.Failure is { } noOwner)
        {
            return noOwner with { Field = "ownerUserId" };
        }

        var callback = new Callback
        {
            CaseId = caseId,
            OwnerUserId = owner,
            DueAt = dueAt.Value,
            WarnAt = warnAt,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            PromisedBy = actor.UserId,
            PromisedAt = now,
        };
        db.Callbacks.Add(callback);
        // The timer fires first at the warning instant (when the policy gave one), then at the due time; it commits
        // with the callback.
        timers.Set<CallbackOverdueJob>(db, callback.Id.ToString(), CallbackDeadlines.FirstInstant(callback, now));
        var saved = await access.SaveAsync(loaded.Value, new CaseEntry
        {
            Kind = CaseEntryKind.CallbackPromised,
            At = now,
            ActorUserId = actor.UserId,
            Text = callback.Note,
            ToOwner = CaseOwner.User(owner).ToString(),
        }, cancellationToken);
        if (saved.Failure is { } conflict)
        {
            return conflict;
        }

        return callback.Id;
    }

    public async Task<Result<Guid>> DoneAsync(Guid callbackId, DoneRequest request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            return Failure.Invalid("outcome", "Callback.OutcomeRequired");
        }

        // "Done" carries no version: the agent cannot have seen a stale state. A conflict is a background write to the
        // same case or callback at this moment (its overdue timer firing, say): read again and record it on the new state.
        for (var attempt = 1; ; attempt++)
        {
            var done = await TryDoneAsync(callbackId, request, actor, cancellationToken);
            if (done.Failure is not { Kind: FailureKind.Conflict } || attempt == DoneAttempts)
            {
                return done;
            }

            db.ChangeTracker.Clear();
        }
    }

    private const int DoneAttempts = 3;

    private async Task<Result<Guid>> TryDoneAsync(Guid callbackId, DoneRequest request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (await db.Callbacks.SingleOrDefaultAsync(c => c.Id == callbackId, cancellationToken) is not { } callback)
        {
            return Failure.NotFound("Callback.NotFound");
        }

        if (callback.Status == CallbackStatus.Done)
        {
            return callback.CaseId;
        }

        var loaded = await access.LoadAsync(callback.CaseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var now = access.Now();
        callback.Status = CallbackStatus.Done;
        callback.DoneAt = now;
        callback.Outcome = request.Outcome.Trim();
        callback.Version = Guid.NewGuid();
        timers.Clear<CallbackOverdueJob>(db, callback.Id.ToString());
        var saved = await access.SaveAsync(loaded.Value!, new CaseEntry { Kind = CaseEntryKind.CallbackDone, At = now, ActorUserId = actor.UserId, Text = callback.Outcome }, cancellationToken);
        if (saved.Failure is { } conflict)
        {
            return conflict;
        }

        return callback.CaseId;
    }
}
