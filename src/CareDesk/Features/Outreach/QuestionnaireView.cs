namespace CareDesk.Features.Outreach;

/// <summary>A questionnaire version as the API shows it; question types and purposes in the API's words.</summary>
public sealed record QuestionnaireView(Guid Id, string Key, int Version, string Title, string? ScriptZh, string? ScriptEn, IReadOnlyList<QuestionnaireView.QuestionView> Questions, DateTimeOffset CreatedAt)
{
    public sealed record QuestionView(string Key, string TextZh, string TextEn, string Type, IReadOnlyList<string>? Options, bool Required, string? MapsTo, string? ConsentPurpose, string? ConsentChannel);

    public static QuestionnaireView Of(Questionnaire q) => new(
        q.Id, q.Key, q.Version, q.Title, q.ScriptZh, q.ScriptEn,
        q.Questions.ConvertAll(x => new QuestionView(x.Key, x.TextZh, x.TextEn, OutreachTerms.Of(x.Type), x.Options, x.Required, x.MapsTo,
            x.ConsentPurpose is { } p ? OutreachTerms.Of(p) : null, x.ConsentChannel is { } c ? OutreachTerms.Of(c) : null)),
        q.CreatedAt);
}
