using System.ComponentModel.DataAnnotations;
using CareDesk.Features.ServiceLevels;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>
/// Opens a case for a person (F11). Its owner is whoever opens it, unless it goes straight into a team's queue;
/// the call it came from can be linked at once, so "ringing → case" is one step from the screen pop. That call may be the
/// person's own or a caregiver's about them (<see cref="CaseCaller"/>); the case then names who called on their behalf.
/// </summary>
public sealed class OpenCase(CareDeskDbContext db, CaseAccess access, CaseCaller callers, CaseDevices devices, CaseClocks clocks, DurableTimers timers, IOptions<CaseNumberOptions> numbers)
{
    public sealed record Request(
        [property: Required] Guid? PersonId,
        [property: Required] string Type,
        string? Priority,
        [property: Required, MaxLength(300)] string Subject,
        [property: MaxLength(8000)] string? Description = null,
        Guid? DeviceId = null,
        [property: MaxLength(64)] string? OwnerTeam = null,
        Guid? ContactId = null);

    private const int NumberAttempts = 5;

    public async Task<Result<Guid>> RunAsync(Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        if (!CaseTerms.Types.TryGetValue(request.Type, out var type))
        {
            return Failure.Invalid("type", "Case.TypeInvalid", CaseTerms.List(CaseTerms.Types));
        }

        var priority = CasePriority.Normal;
        if (request.Priority is not null && !CaseTerms.Priorities.TryGetValue(request.Priority, out priority))
        {
            return Failure.Invalid("priority", "Case.PriorityInvalid", CaseTerms.List(CaseTerms.Priorities));
        }

        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            return Failure.Invalid("subject", "Case.SubjectRequired");
        }

        var personId = request.PersonId!.Value;
        if (await access.CheckPersonAsync(personId, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (request.DeviceId is { } deviceId && await devices.CheckAsync(deviceId, personId, cancellationToken) is { } notTheirs)
        {
            return notTheirs;
        }

        Guid? callerId = null;
        if (request.ContactId is { } contactId)
        {
            var caller = await callers.CheckAsync(contactId, personId, cancellationToken);
            if (caller.Failure is { } notLinkable)
            {
                return notLinkable;
            }

            callerId = caller.Value;
        }

        var owner = CaseOwner.User(actor.UserId);
        if (request.OwnerTeam is not null)
        {
            var team = await access.ResolveOwnerAsync(null, request.OwnerTeam, cancellationToken);
            if (team.Failure is { } noTeam)
            {
                return noTeam with { Field = "ownerTeam" };
            }

            owner = team.Value;
        }

        var now = access.Now();
        for (var attempt = 1; ; attempt++)
        {
            var opened = new Case
            {
                Number = CaseNumbers.New(numbers.Value.NumberStyle ?? CaseNumberStyle.Letters),
                PersonId = personId,
                CallerPersonId = callerId,
                DeviceId = request.DeviceId,
                Type = type,
                Priority = priority,
                Status = CaseStatus.New,
                Subject = request.Subject.Trim(),
                Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
                OpenedBy = actor.UserId,
                OpenedAt = now,
                UpdatedAt = now,
            };
            opened.OwnedBy(owner);
            db.Cases.Add(opened);
            db.CaseEntries.Add(new CaseEntry { CaseId = opened.Id, Kind = CaseEntryKind.Opened, At = now, ActorUserId = actor.UserId, ToOwner = owner.ToString() });
            if (request.ContactId is { } linked)
            {
                db.CaseEntries.Add(new CaseEntry { CaseId = opened.Id, Kind = CaseEntryKind.ContactLinked, At = now, ActorUserId = actor.UserId, ContactId = linked });
                await callers.ClaimAsync(linked, personId, cancellationToken);
            }

            // Due times by the policy for this type and priority, stored with the case.
            await clocks.StartAsync(opened, cancellationToken);
            clocks.SetTimers(opened);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                // Its clocks' timers are hours away: handed to the scheduler in a batch just after, not in this request.
                timers.HandOverSoon(db);
                return opened.Id;
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                if (!await db.Cases.AsNoTracking().AnyAsync(c => c.Number == opened.Number, cancellationToken))
                {
                    throw;
                }

                // A random number already in use (rare): draw again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
