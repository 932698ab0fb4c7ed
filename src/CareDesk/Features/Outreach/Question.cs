namespace CareDesk.Features.Outreach;

/// <summary>
/// One question of a <see cref="Questionnaire"/>. <see cref="MapsTo"/> writes the answer back into the profile
/// (<c>device-model</c>: "which meter do you use now" updates the device); a <see cref="AnswerType.Consent"/> question
/// names the purpose and channel asked for.
/// </summary>
public sealed record Question(
    string Key,
    string TextZh,
    string TextEn,
    AnswerType Type,
    IReadOnlyList<string>? Options = null,
    bool Required = false,
    string? MapsTo = null,
    OutreachPurpose? ConsentPurpose = null,
    OutreachChannel? ConsentChannel = null)
{
    public const string DeviceModel = "device-model";

    public string TextIn(string? language) =>
        language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? TextZh : TextEn;
}
