using System.Globalization;
using System.Text.Json;
using CareDesk.Platform.Api;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Checks answers against a questionnaire's questions and turns each into its canonical text: a choice one of its
/// options, a number a JSON number, text a non-empty string, yes/no and consent a JSON boolean. A wrong type, an unknown
/// question or a missing required answer is a failure naming <c>answers.{key}</c>.
/// </summary>
internal static class AnswerCheck
{
    public static Result<Dictionary<string, string>> Check(Questionnaire? questionnaire, IReadOnlyDictionary<string, JsonElement>? answers, bool requireAll)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var questions = questionnaire?.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal) ?? [];
        foreach (var (key, answer) in answers ?? new Dictionary<string, JsonElement>())
        {
            var field = $"answers.{key}";
            if (!questions.TryGetValue(key, out var question))
            {
                return Failure.Invalid(field, "Answer.UnknownQuestion", key);
            }

            if (answer.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            string? value = question.Type switch
            {
                AnswerType.Choice when answer.ValueKind == JsonValueKind.String && question.Options?.Contains(answer.GetString()!, StringComparer.Ordinal) == true => answer.GetString(),
                AnswerType.Number when answer.ValueKind == JsonValueKind.Number && answer.TryGetDecimal(out var number) => number.ToString(CultureInfo.InvariantCulture),
                AnswerType.Text when answer.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(answer.GetString()) && answer.GetString()!.Length <= 2000 => answer.GetString()!.Trim(),
                AnswerType.YesNo or AnswerType.Consent when answer.ValueKind is JsonValueKind.True or JsonValueKind.False => answer.GetBoolean() ? "yes" : "no",
                _ => null,
            };
            if (value is null)
            {
                return question.Type == AnswerType.Choice && answer.ValueKind == JsonValueKind.String
                    ? Failure.Invalid(field, "Answer.NotAnOption", string.Join(", ", question.Options ?? []))
                    : Failure.Invalid(field, "Answer.WrongType", OutreachTerms.Of(question.Type));
            }

            values[key] = value;
        }

        if (requireAll && questions.Values.FirstOrDefault(q => q.Required && !values.ContainsKey(q.Key)) is { } missing)
        {
            return Failure.Invalid($"answers.{missing.Key}", "Answer.Required");
        }

        return values;
    }
}
