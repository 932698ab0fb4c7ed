using System.ComponentModel.DataAnnotations;
using CareDesk.Features.ServiceLevels;
using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CareDesk.Features.Cases;

public enum CallbackStatus
{
    Pending,
    Done,

    /// <summary>Not done by its due time: the supervisors were told; it stays on the owner's list until done.</summary>
    Overdue,
}

/// <summary>
/// "I will call you back by 4 p.m." (F11, story 3): a promise on a case with a due time and an owner. It is on the
/// owner's work list and the supervisors' until done; when it is overdue a durable timer tells the supervisors.
/// </summary>
public sealed class Callback
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public required string OwnerUserId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the callback target's warning share has passed (service levels), if it came from the policy.</summary>
    public DateTimeOffset? WarnAt { get; set; }

    /// <summary>When the owner was warned that the due time is near; a warning is given once.</summary>
    public DateTimeOffset? WarnedAt { get; set; }

    public string? Note { get; set; }

    public CallbackStatus Status { get; set; }

    public required string PromisedBy { get; set; }

    public DateTimeOffset PromisedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public string? Outcome { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class CallbackConfiguration : IEntityTypeConfiguration<Callback>
{
    public void Configure(EntityTypeBuilder<Callback> builder)
    {
        builder.ToTable("case_callbacks");
        builder.Property(c => c.OwnerUserId).HasMaxLength(450);
        builder.Property(c => c.PromisedBy).HasMaxLength(450);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.Property(c => c.Outcome).HasMaxLength(2000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        // The owner's work list and the supervisors' list of open promises, by due time; stored, never recomputed.
        builder.HasIndex(c => new { c.OwnerUserId, c.Status, c.DueAt });
        builder.HasIndex(c => new { c.Status, c.DueAt });
        builder.HasIndex(c => c.CaseId);
    }
}

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

/// <summary>
/// A promised callback's durable timer: at its warning instant (if it has one) the owner is told, once; when its time
/// passes undone it is marked overdue, on the timeline, and the supervisors are told (once).
/// </summary>
public sealed class CallbackDeadlines(CareDeskDbContext db, EscalationAlerts alerts, DurableTimers timers, TimeProvider clock)
{
    /// <summary>When the timer of a newly promised callback fires first: its warning instant while still ahead, else its due time.</summary>
    public static DateTimeOffset FirstInstant(Callback callback, DateTimeOffset now) =>
        callback.WarnAt is { } warnAt && warnAt > now && warnAt < callback.DueAt ? warnAt : callback.DueAt;

    /// <summary>Idempotent: acts only on a pending callback whose warning or due instant has passed and was not yet recorded.</summary>
    public async Task<bool> CheckAsync(Guid callbackId, CancellationToken cancellationToken)
    {
        var callback = await db.Callbacks.SingleOrDefaultAsync(c => c.Id == callbackId, cancellationToken);
        var now = clock.GetUtcNow();
        if (callback is null || callback.Status != CallbackStatus.Pending)
        {
            return false;
        }

        if (callback.DueAt > now)
        {
            return await WarnAsync(callback, now, cancellationToken);
        }

        var promised = await db.Cases.SingleAsync(c => c.Id == callback.CaseId, cancellationToken);
        callback.Status = CallbackStatus.Overdue;
        callback.Version = Guid.NewGuid();
        db.CaseEntries.Add(new CaseEntry
        {
            CaseId = promised.Id,
            Kind = CaseEntryKind.CallbackOverdue,
            At = now,
            ActorUserId = EscalationDeadlines.Actor,
            FromOwner = CaseOwner.User(callback.OwnerUserId).ToString(),
        });
        await alerts.TellSupervisorsAboutCallbackAsync(callback, promised, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Done at this very moment: not overdue after all.
            return false;
        }

        alerts.PublishQueued();
        return true;
    }

    /// <summary>
    /// Before the due time: past the warning instant and not yet warned (<see cref="Callback.WarnedAt"/>, which makes a
    /// repeated firing a no-op), the owner is told and the warning is on the timeline; the timer is then set to the due time.
    /// </summary>
    private async Task<bool> WarnAsync(Callback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = callback.Id.ToString();
        if (callback.WarnAt is not { } warnAt || warnAt > now)
        {
            // Fired early (moved or no warning): wait for the next instant.
            await timers.ScheduleAsync<CallbackOverdueJob>(key, FirstInstant(callback, now), null, cancellationToken);
            return false;
        }

        var owner = CaseOwner.User(callback.OwnerUserId).ToString();
        var warnedNow = callback.WarnedAt is null;
        if (warnedNow)
        {
            callback.WarnedAt = now;
            var promised = await db.Cases.SingleAsync(c => c.Id == callback.CaseId, cancellationToken);
            // The version guards a concurrent "done" or a second firing: only one of them is saved.
            callback.Version = Guid.NewGuid();
            db.CaseEntries.Add(new CaseEntry
            {
                CaseId = promised.Id,
                Kind = CaseEntryKind.CallbackWarning,
                At = now,
                ActorUserId = EscalationDeadlines.Actor,
                ToOwner = owner,
            });
            await alerts.TellOwnerAboutCallbackAsync(callback, promised, cancellationToken);
            // The due-time timer commits with the warning: a node that dies after the commit cannot lose it.
            timers.Set<CallbackOverdueJob>(db, key, callback.DueAt);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Done, or warned by another firing, at this very moment: look again at once, on the new state.
                await timers.ScheduleAsync<CallbackOverdueJob>(key, now, null, cancellationToken);
                return false;
            }

            alerts.PublishQueued();
            await timers.HandOverAsync(db, cancellationToken);
            return true;
        }

        await timers.ScheduleAsync<CallbackOverdueJob>(key, callback.DueAt, null, cancellationToken);
        return warnedNow;
    }
}

/// <summary>The durable timer of one promised callback (keyed by its id): fires at its warning instant, then at its due time.</summary>
[DisallowConcurrentExecution]
public sealed class CallbackOverdueJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("callbacks");
        await scope.ServiceProvider.GetRequiredService<CallbackDeadlines>().CheckAsync(Guid.Parse(context.JobDetail.Key.Name), cancellationToken);
    }
}
