using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CareDesk.Features.Contacts;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Closes an attempt with its outcome (F21), in one save: the contact on the person's history (an outbound call, which
/// the fatigue guard then counts), the answers, consent questions written to the ledger with the wording read out and
/// this call as their contact, mapped answers written back into the profile ("which meter do you use now" replaces the
/// device), the list's next step (done, a retry after the campaign's spacing, a requested callback, or off the list), a
/// recall's devices marked reached and confirmed (or its notice sent by the next channel when the calls are over),
/// and the person's claim released. Only the agent holding the attempt may close it; a withdrawn one is a conflict.
/// </summary>
public sealed class RecordOutcome(CareDeskDbContext db, OutreachWithdrawal withdrawal, RecallTracking recalls, TimeProvider clock)
{
    public sealed record Request(
        [property: MaxLength(32)] string? Outcome,
        Dictionary<string, JsonElement>? Answers = null,
        DateTimeOffset? CallbackAt = null,
        [property: MaxLength(2000)] string? Note = null);

    public async Task<Result<OutreachAttemptView>> RunAsync(Guid attemptId, Request request, string agentUserId, CancellationToken cancellationToken)
    {
        if (!OutreachTerms.Outcomes.TryGetValue(request.Outcome?.Trim() ?? "", out var outcome))
        {
            return Failure.Invalid("outcome", "Outcome.Invalid", string.Join(", ", OutreachTerms.Outcomes.Keys));
        }

        var now = clock.GetUtcNow();
        if (request.CallbackAt is { } callbackAt && (outcome != OutreachOutcome.CallbackRequested || callbackAt <= now))
        {
            return Failure.Invalid("callbackAt", "Outcome.CallbackAtInvalid");
        }

        if (await db.OutreachAttempts.SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken) is not { } attempt)
        {
            return Failure.NotFound("Attempt.NotFound");
        }

        if (attempt.AgentUserId != agentUserId)
        {
            return new Failure(FailureKind.Forbidden, "Attempt.NotYours");
        }

        if (!attempt.IsOpen)
        {
            return Failure.Conflict(attempt.Outcome == OutreachOutcome.Withdrawn ? "Attempt.Withdrawn" : "Attempt.Closed");
        }

        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == attempt.CampaignId, cancellationToken);
        var questionnaire = campaign.QuestionnaireId is { } qid ? await db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == qid, cancellationToken) : null;
        var answers = AnswerCheck.Check(questionnaire, request.Answers, requireAll: outcome == OutreachOutcome.Reached);
        if (answers.Failure is { } badAnswer)
        {
            return badAnswer;
        }

        var claim = await db.OutreachClaims.SingleAsync(c => c.PersonId == attempt.PersonId, cancellationToken);
        var member = await db.CampaignMembers.SingleAsync(m => m.CampaignId == attempt.CampaignId && m.PersonId == attempt.PersonId, cancellationToken);
        var spoken = outcome is not (OutreachOutcome.NoAnswer or OutreachOutcome.Busy or OutreachOutcome.WrongNumber);
        var contact = new Contact
        {
            PersonId = attempt.PersonId,
            Channel = campaign.Channel.ToContactChannel(),
            Direction = ContactDirection.Outbound,
            Source = "outreach",
            ExternalId = attempt.Id.ToString(),
            ToAddress = attempt.Number,
            AgentUserId = agentUserId,
            StartedAt = attempt.DialedAt ?? attempt.ClaimedAt,
            AnsweredAt = spoken ? attempt.DialedAt ?? attempt.ClaimedAt : null,
            EndedAt = now,
            Missed = !spoken,
            Outcome = OutreachTerms.Of(outcome),
            Subject = campaign.Name,
            Notes = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        db.Contacts.Add(contact);

        attempt.Outcome = outcome;
        attempt.ClosedAt = now;
        attempt.ContactId = contact.Id;
        attempt.Note = contact.Notes;
        attempt.Version = Guid.NewGuid();
        if (claim.AttemptId == attempt.Id)
        {
            claim.AttemptId = null;
            claim.AgentUserId = null;
            claim.ExpiresAt = null;
        }

        foreach (var (key, value) in answers.Value!)
        {
            db.OutreachAnswers.Add(new OutreachAnswer { AttemptId = attempt.Id, CampaignId = campaign.Id, PersonId = attempt.PersonId, QuestionKey = key, Value = value, AnsweredAt = now });
        }

        Advance(member, campaign, outcome, request.CallbackAt, now);
        await recalls.StageAsync(campaign, member, outcome, answers.Value!, now, cancellationToken);
        var language = await db.People.Where(p => p.Id == attempt.PersonId).Select(p => p.Languages).SingleAsync(cancellationToken);
        await WriteBackAsync(questionnaire, answers.Value!, attempt, campaign, contact.Id, language.FirstOrDefault(), agentUserId, now, cancellationToken);
        if (outcome == OutreachOutcome.DoNotContact)
        {
            db.DoNotContactEntries.Add(new DoNotContactEntry
            {
                PersonId = attempt.PersonId,
                Active = true,
                Reason = contact.Notes ?? campaign.Name,
                Source = "outreach-call",
                ContactId = contact.Id,
                RecordedBy = agentUserId,
                RecordedAt = now,
            });
            await withdrawal.StageAsync(attempt.PersonId, OutreachWithdrawal.Because.DoNotContact(), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A "do not contact", a withdrawn consent or an expiry closed it meanwhile: nothing of this outcome is kept.
            return Failure.Conflict("Attempt.ClosedMeanwhile");
        }

        withdrawal.Announce();
        return OutreachAttemptView.Of(attempt);
    }

    private static void Advance(CampaignMember member, Campaign campaign, OutreachOutcome outcome, DateTimeOffset? callbackAt, DateTimeOffset now)
    {
        member.Attempts++;
        member.LastOutcome = outcome;
        member.UpdatedAt = now;
        member.HeldBy = null;
        switch (outcome)
        {
            case OutreachOutcome.Reached:
                member.Status = MemberStatus.Done;
                member.ReachedAt = now;
                break;
            case OutreachOutcome.NoAnswer or OutreachOutcome.Busy:
                member.Status = member.Attempts >= campaign.MaxAttempts ? MemberStatus.Done : MemberStatus.Pending;
                member.NextAttemptAt = now.AddMinutes(campaign.RetryMinutes);
                break;
            case OutreachOutcome.CallbackRequested:
                member.ReachedAt ??= now;
                member.Status = MemberStatus.Pending;
                member.NextAttemptAt = callbackAt ?? now.AddMinutes(campaign.RetryMinutes);
                break;
            case OutreachOutcome.DoNotContact:
                member.ReachedAt ??= now;
                member.Status = MemberStatus.Excluded;
                member.Exclusion = CampaignMember.DoNotContact;
                break;
            case OutreachOutcome.Refused:
                member.ReachedAt ??= now;
                member.Status = MemberStatus.Done;
                break;
            default:
                member.Status = MemberStatus.Done;
                break;
        }
    }

    // Consent questions to the ledger, mapped answers into the profile: staged in the outcome's save.
    private async Task WriteBackAsync(
        Questionnaire? questionnaire,
        Dictionary<string, string> answers,
        OutreachAttempt attempt,
        Campaign campaign,
        Guid contactId,
        string? personLanguage,
        string agentUserId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var question in questionnaire?.Questions ?? [])
        {
            if (!answers.TryGetValue(question.Key, out var value))
            {
                continue;
            }

            if (question.Type == AnswerType.Consent && question.ConsentPurpose is { } purpose)
            {
                var channel = question.ConsentChannel ?? campaign.Channel;
                var text = await db.ConsentTexts.AsNoTracking().Where(t => t.Purpose == purpose).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);
                var language = personLanguage is not null && personLanguage.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";
                var granted = value == "yes";
                db.ConsentEntries.Add(new ConsentEntry
                {
                    PersonId = attempt.PersonId,
                    Purpose = purpose,
                    Channel = channel,
                    Granted = granted,
                    Wording = text?.In(language) ?? question.TextIn(language),
                    ConsentTextId = text?.Id,
                    Language = language,
                    Method = ConsentMethod.Call,
                    ContactId = contactId,
                    RecordedBy = agentUserId,
                    RecordedAt = now,
                });
                if (!granted)
                {
                    await withdrawal.StageAsync(attempt.PersonId, OutreachWithdrawal.Because.ConsentWithdrawn(purpose, channel), cancellationToken);
                }
            }
            else if (question.MapsTo == Question.DeviceModel)
            {
                await ReplaceDeviceAsync(attempt.PersonId, value, campaign, agentUserId, now, cancellationToken);
            }
        }
    }

    // "Which meter do you use now?": the device the campaign is about (else their only one in use) is marked replaced
    // and the named model registered, as the person said on this call.
    private async Task ReplaceDeviceAsync(Guid personId, string modelId, Campaign campaign, string agentUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inUse = await db.Devices.Where(d => d.PersonId == personId && d.Status == DeviceStatus.InUse).ToListAsync(cancellationToken);
        if (inUse.Any(d => d.ModelId == modelId))
        {
            return;
        }

        var targeted = campaign.Target.ProductIds ?? [];
        var old = inUse.FirstOrDefault(d => targeted.Contains(d.ModelId)) ?? (inUse.Count == 1 ? inUse[0] : null);
        if (old is not null)
        {
            old.Status = DeviceStatus.Replaced;
            old.Version = Guid.NewGuid();
            db.DeviceEvents.Add(new DeviceEvent { DeviceId = old.Id, Kind = DeviceEventKind.StatusChanged, At = now, FromStatus = DeviceStatus.InUse, ToStatus = DeviceStatus.Replaced, RecordedBy = agentUserId, Notes = campaign.Name });
        }

        var device = new Device { PersonId = personId, ModelId = modelId, Status = DeviceStatus.InUse, Provenance = FactProvenance.Recorded(FactSource.Person, now) };
        db.Devices.Add(device);
        db.DeviceEvents.Add(new DeviceEvent { DeviceId = device.Id, Kind = DeviceEventKind.Registered, At = now, RecordedBy = agentUserId, Notes = campaign.Name });
    }
}
