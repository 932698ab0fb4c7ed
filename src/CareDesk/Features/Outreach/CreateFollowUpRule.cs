using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Creates a follow-up rule (F20), as a draft campaign with a trigger: the event, the offset in days, the purpose, the
/// questionnaire, the skill needed (named, or "knows the event's device"), optionally only for some product models.
/// Started like a campaign; from then on each such event of a person's own device or case adds them. A promise made on
/// a case is always for a callback the person asked for; other rules need a purpose the person consents to.
/// </summary>
public sealed class CreateFollowUpRule(CareDeskDbContext db, TimeProvider clock)
{
    public sealed record Request(
        [property: MaxLength(200), SingleLineText] string? Name,
        [property: MaxLength(32)] string? Trigger,
        int? OffsetDays,
        [property: MaxLength(32)] string? Purpose = null,
        [property: MaxLength(16)] string? Channel = "phone",
        Guid? QuestionnaireId = null,
        IReadOnlyList<string>? ProductIds = null,
        [property: MaxLength(64)] string? RequiredSkill = null,
        bool SkillFromDevice = false,
        int? MaxAttempts = null,
        int? RetryMinutes = null,
        TimeOnly? BestFrom = null,
        TimeOnly? BestTo = null);

    public async Task<Result<CampaignView>> RunAsync(Request request, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Failure.Invalid("name", "Campaign.NameRequired");
        }

        if (!KebabCase.TryParse(request.Trigger, out FollowUpTrigger trigger))
        {
            return Failure.Invalid("trigger", "FollowUp.TriggerInvalid", string.Join(", ", Enum.GetValues<FollowUpTrigger>().Select(KebabCase.Of)));
        }

        if (request.OffsetDays is < 0 or > 730 || (request.OffsetDays is null && trigger != FollowUpTrigger.CasePromise))
        {
            return Failure.Invalid("offsetDays", "FollowUp.OffsetRange");
        }

        var purpose = OutreachPurpose.PromisedCallback;
        if (trigger != FollowUpTrigger.CasePromise && !OutreachTerms.CampaignPurposes.TryGetValue(request.Purpose?.Trim() ?? "", out purpose))
        {
            return Failure.Invalid("purpose", "Campaign.PurposeInvalid", string.Join(", ", OutreachTerms.CampaignPurposes.Keys));
        }

        if (CampaignSettings.Check(request.Channel, request.MaxAttempts, request.RetryMinutes, request.BestFrom, request.BestTo, null, null) is { } invalid)
        {
            return invalid;
        }

        var target = new TargetRule(ProductIds: request.ProductIds is { Count: > 0 } ids ? [.. ids.Select(i => i.Trim()).Distinct()] : null);
        if (await TargetRules.CheckAsync(db, target, "productIds", cancellationToken) is { } badModels)
        {
            return badModels with { Field = "productIds" };
        }

        if (request.QuestionnaireId is { } questionnaireId && !await db.Questionnaires.AnyAsync(q => q.Id == questionnaireId, cancellationToken))
        {
            return Failure.Invalid("questionnaireId", "Campaign.QuestionnaireUnknown");
        }

        var rule = new Campaign
        {
            Name = request.Name.Trim(),
            Trigger = trigger,
            OffsetDays = request.OffsetDays,
            Purpose = purpose,
            Channel = OutreachTerms.Channels[request.Channel!.Trim()],
            Target = target,
            QuestionnaireId = request.QuestionnaireId,
            MaxAttempts = request.MaxAttempts ?? 3,
            RetryMinutes = request.RetryMinutes ?? 240,
            BestFrom = request.BestFrom,
            BestTo = request.BestTo,
            RequiredSkill = string.IsNullOrWhiteSpace(request.RequiredSkill) ? null : request.RequiredSkill.Trim(),
            SkillFromDevice = request.SkillFromDevice,
            Status = CampaignStatus.Draft,
            CreatedBy = userId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Campaigns.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return CampaignView.Of(rule);
    }
}
