using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Outreach;

/// <summary>
/// "We will call you back in three months", promised on a case (F20): a follow-up at that time, made by whoever has
/// the skill then (not held by the promising agent, who may be gone), through the contact-fatigue guard with a promised
/// callback's precedence, and on the case's timeline. Made under the running rule for promises; the first promise
/// creates that rule when a supervisor has not.
/// </summary>
public sealed class PromiseFollowUp(CareDeskDbContext db, CaseAccess access, ScheduleFollowUps schedule, IStringLocalizer<OutreachText> text)
{
    private static readonly TimeSpan Furthest = TimeSpan.FromDays(730);

    public sealed record Request(DateTimeOffset? DueAt, [property: MaxLength(2000)] string? Note = null);

    public async Task<Result<Guid>> RunAsync(Guid caseId, Request request, StaffActor actor, CancellationToken cancellationToken)
    {
        var now = access.Now();
        if (request.DueAt is not { } dueAt)
        {
            return Failure.Invalid("dueAt", "FollowUp.DueRequired");
        }

        if (dueAt <= now || dueAt > now + Furthest)
        {
            return Failure.Invalid("dueAt", "FollowUp.DueRange");
        }

        var loaded = await access.LoadAsync(caseId, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var found = loaded.Value!;
        var rule = await db.Campaigns.AsNoTracking().Where(c => c.Trigger == FollowUpTrigger.CasePromise && c.Status == CampaignStatus.Running)
            .OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (rule is null)
        {
            rule = new Campaign
            {
                Name = text["FollowUp.PromiseRuleName"],
                Trigger = FollowUpTrigger.CasePromise,
                Purpose = OutreachPurpose.PromisedCallback,
                Channel = OutreachChannel.Phone,
                Status = CampaignStatus.Running,
                CreatedBy = actor.UserId,
                CreatedAt = now,
            };
            db.Campaigns.Add(rule);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var promised = new FollowUpEvent
        {
            Kind = FollowUpTrigger.CasePromise,
            PersonId = found.PersonId,
            DeviceId = found.DeviceId,
            CaseId = found.Id,
            CampaignId = rule.Id,
            At = now,
            DueAt = dueAt,
            Note = note,
            RecordedBy = actor.UserId,
            RecordedAt = now,
        };
        db.FollowUpEvents.Add(promised);
        var saved = await access.SaveAsync(found, new CaseEntry { Kind = CaseEntryKind.FollowUpPromised, At = now, ActorUserId = actor.UserId, Text = note }, cancellationToken);
        if (saved.Failure is { } conflict)
        {
            return conflict;
        }

        // On the list at once, not at the job's next minute.
        db.ChangeTracker.Clear();
        await schedule.RunAsync(cancellationToken, [promised.Id]);
        return promised.Id;
    }
}
