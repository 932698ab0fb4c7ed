using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Creates a campaign as a draft (F21): purpose, channel, who it targets, the questionnaire, attempts and timing. A rule
/// naming unknown models, an empty window, or one that selects nobody who may be contacted is refused, naming the
/// field. Recalls are made as recalls (a safety notice is not a campaign purpose).
/// </summary>
public sealed class CreateCampaign(CareDeskDbContext db, CallList callList, TimeProvider clock)
{
    public sealed record Request(
        [property: MaxLength(200), SingleLineText] string? Name,
        [property: MaxLength(32)] string? Purpose,
        [property: MaxLength(16)] string? Channel,
        TargetRule? Target,
        int? MaxAttempts = null,
        Guid? QuestionnaireId = null,
        int? RetryMinutes = null,
        TimeOnly? BestFrom = null,
        TimeOnly? BestTo = null,
        DateTimeOffset? StartsAt = null,
        DateTimeOffset? EndsAt = null,
        [property: MaxLength(64)] string? RequiredSkill = null);

    public async Task<Result<CampaignView>> RunAsync(Request request, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Failure.Invalid("name", "Campaign.NameRequired");
        }

        if (!OutreachTerms.CampaignPurposes.TryGetValue(request.Purpose?.Trim() ?? "", out var purpose))
        {
            return Failure.Invalid("purpose", "Campaign.PurposeInvalid", string.Join(", ", OutreachTerms.CampaignPurposes.Keys));
        }

        if (CampaignSettings.Check(request.Channel, request.MaxAttempts, request.RetryMinutes, request.BestFrom, request.BestTo, request.StartsAt, request.EndsAt) is { } invalid)
        {
            return invalid;
        }

        var target = request.Target ?? new TargetRule();
        if (await TargetRules.CheckAsync(db, target, "target", cancellationToken) is { } badRule)
        {
            return badRule;
        }

        if (request.QuestionnaireId is { } questionnaireId && !await db.Questionnaires.AnyAsync(q => q.Id == questionnaireId, cancellationToken))
        {
            return Failure.Invalid("questionnaireId", "Campaign.QuestionnaireUnknown");
        }

        var campaign = new Campaign
        {
            Name = request.Name.Trim(),
            Purpose = purpose,
            Channel = OutreachTerms.Channels[request.Channel!.Trim()],
            Target = target,
            QuestionnaireId = request.QuestionnaireId,
            MaxAttempts = request.MaxAttempts ?? 3,
            RetryMinutes = request.RetryMinutes ?? 240,
            BestFrom = request.BestFrom,
            BestTo = request.BestTo,
            StartsAt = request.StartsAt,
            EndsAt = request.EndsAt,
            RequiredSkill = string.IsNullOrWhiteSpace(request.RequiredSkill) ? null : request.RequiredSkill.Trim(),
            Status = CampaignStatus.Draft,
            CreatedBy = userId,
            CreatedAt = clock.GetUtcNow(),
        };

        // A rule that selects nobody who may be contacted is a mistake to say now, not an empty list to find later.
        var (selected, eligible) = await callList.CountAsync(campaign, cancellationToken);
        if (eligible == 0)
        {
            return Failure.Invalid("target", selected == 0 ? "Campaign.TargetSelectsNobody" : "Campaign.TargetNobodyEligible", selected);
        }

        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return CampaignView.Of(campaign);
    }
}
