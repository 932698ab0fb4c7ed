using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Saves a questionnaire as a new version under its key (F21): a campaign keeps the version it was made with. Each
/// question has a key, its text in both languages, a type (choice with options, number, text, yes-no, consent with its
/// purpose), and may map its answer into the profile (<c>device-model</c>: the options are catalog models).
/// </summary>
public sealed class SaveQuestionnaire(CareDeskDbContext db, TimeProvider clock)
{
    public sealed record QuestionInput(
        [property: MaxLength(64)] string? Key,
        [property: MaxLength(1000)] string? TextZh,
        [property: MaxLength(1000)] string? TextEn,
        [property: MaxLength(16)] string? Type,
        IReadOnlyList<string>? Options = null,
        bool Required = false,
        [property: MaxLength(32)] string? MapsTo = null,
        [property: MaxLength(32)] string? ConsentPurpose = null,
        [property: MaxLength(16)] string? ConsentChannel = null);

    public sealed record Request(
        [property: MaxLength(64)] string? Key,
        [property: MaxLength(200), SingleLineText] string? Title,
        IReadOnlyList<QuestionInput>? Questions,
        [property: MaxLength(4000)] string? ScriptZh = null,
        [property: MaxLength(4000)] string? ScriptEn = null);

    public async Task<Result<QuestionnaireView>> RunAsync(Request request, string userId, CancellationToken cancellationToken)
    {
        var key = request.Key?.Trim().ToLowerInvariant() ?? "";
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Failure.Invalid("key", "Questionnaire.KeyInvalid");
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return Failure.Invalid("title", "Questionnaire.TitleRequired");
        }

        if (request.Questions is not [_, ..] inputs || inputs.Count > 50)
        {
            return Failure.Invalid("questions", "Questionnaire.QuestionsRequired");
        }

        var questions = new List<Question>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var parsed = await QuestionAsync(inputs[i], $"questions[{i}]", cancellationToken);
            if (parsed.Failure is { } failure)
            {
                return failure;
            }

            if (questions.Any(q => q.Key == parsed.Value!.Key))
            {
                return Failure.Invalid($"questions[{i}].key", "Questionnaire.KeyDuplicate", parsed.Value!.Key);
            }

            questions.Add(parsed.Value!);
        }

        var version = await db.Questionnaires.Where(q => q.Key == key).MaxAsync(q => (int?)q.Version, cancellationToken) ?? 0;
        var questionnaire = new Questionnaire
        {
            Key = key,
            Version = version + 1,
            Title = request.Title.Trim(),
            ScriptZh = string.IsNullOrWhiteSpace(request.ScriptZh) ? null : request.ScriptZh.Trim(),
            ScriptEn = string.IsNullOrWhiteSpace(request.ScriptEn) ? null : request.ScriptEn.Trim(),
            Questions = questions,
            CreatedBy = userId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Questionnaires.Add(questionnaire);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two saves took the same version number at once: the unique index kept one.
            db.ChangeTracker.Clear();
            if (await db.Questionnaires.AsNoTracking().AnyAsync(q => q.Key == key && q.Version == version + 1, CancellationToken.None))
            {
                return Failure.Conflict("Questionnaire.Conflict");
            }

            throw;
        }

        return QuestionnaireView.Of(questionnaire);
    }

    private async Task<Result<Question>> QuestionAsync(QuestionInput input, string field, CancellationToken cancellationToken)
    {
        var key = input.Key?.Trim() ?? "";
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return Failure.Invalid($"{field}.key", "Questionnaire.KeyInvalid");
        }

        if (string.IsNullOrWhiteSpace(input.TextZh) || string.IsNullOrWhiteSpace(input.TextEn))
        {
            return Failure.Invalid(string.IsNullOrWhiteSpace(input.TextZh) ? $"{field}.textZh" : $"{field}.textEn", "Questionnaire.TextRequired");
        }

        if (!OutreachTerms.AnswerTypes.TryGetValue(input.Type?.Trim() ?? "", out var type))
        {
            return Failure.Invalid($"{field}.type", "Questionnaire.TypeInvalid", string.Join(", ", OutreachTerms.AnswerTypes.Keys));
        }

        var options = input.Options?.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (type == AnswerType.Choice && options is not { Count: >= 2 })
        {
            return Failure.Invalid($"{field}.options", "Questionnaire.OptionsRequired");
        }

        OutreachPurpose? purpose = null;
        OutreachChannel? channel = null;
        if (type == AnswerType.Consent)
        {
            if (!OutreachTerms.ConsentPurposes.TryGetValue(input.ConsentPurpose?.Trim() ?? "", out var p))
            {
                return Failure.Invalid($"{field}.consentPurpose", "Consent.PurposeInvalid", string.Join(", ", OutreachTerms.ConsentPurposes.Keys));
            }

            purpose = p;
            if (!string.IsNullOrWhiteSpace(input.ConsentChannel))
            {
                if (!OutreachTerms.Channels.TryGetValue(input.ConsentChannel.Trim(), out var c))
                {
                    return Failure.Invalid($"{field}.consentChannel", "Consent.ChannelInvalid", string.Join(", ", OutreachTerms.Channels.Keys));
                }

                channel = c;
            }
        }

        var mapsTo = string.IsNullOrWhiteSpace(input.MapsTo) ? null : input.MapsTo.Trim();
        if (mapsTo is not null)
        {
            if (mapsTo != Question.DeviceModel || type != AnswerType.Choice)
            {
                return Failure.Invalid($"{field}.mapsTo", "Questionnaire.MapsToInvalid", Question.DeviceModel);
            }

            var known = await db.ProductModels.Where(m => options!.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
            if (options!.Except(known, StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            {
                return Failure.Invalid($"{field}.options", "Campaign.ProductUnknown", unknown);
            }
        }

        return new Question(key, input.TextZh.Trim(), input.TextEn.Trim(), type, type == AnswerType.Choice ? options : null, input.Required, mapsTo, purpose, channel);
    }
}
