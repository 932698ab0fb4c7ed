using CareDesk.Platform.Api;

namespace CareDesk.Features.Outreach;

/// <summary>A campaign as the API shows it.</summary>
public sealed record CampaignView(
    Guid Id,
    string Name,
    string Purpose,
    string Channel,
    TargetRule Target,
    Guid? QuestionnaireId,
    int MaxAttempts,
    int RetryMinutes,
    TimeOnly? BestFrom,
    TimeOnly? BestTo,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? RequiredSkill,
    string Status,
    DateTimeOffset? BuiltAt,
    DateTimeOffset CreatedAt,
    Guid Version,
    string? Trigger = null,
    int? OffsetDays = null,
    bool SkillFromDevice = false)
{
    public static CampaignView Of(Campaign c) => new(
        c.Id, c.Name, OutreachTerms.Of(c.Purpose), OutreachTerms.Of(c.Channel), c.Target, c.QuestionnaireId, c.MaxAttempts,
        c.RetryMinutes, c.BestFrom, c.BestTo, c.StartsAt, c.EndsAt, c.RequiredSkill, OutreachTerms.Of(c.Status), c.BuiltAt,
        c.CreatedAt, c.Version, c.Trigger is { } trigger ? KebabCase.Of(trigger) : null, c.OffsetDays, c.SkillFromDevice);
}
