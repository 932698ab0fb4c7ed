
using CareDesk.Platform.Api;

namespace CareDesk.Features.Complaints;

/// <summary>The words the API uses for the complaint file's vocabularies (kebab-case); the pages show them localized.</summary>
public static class ComplaintTerms
{
    public static readonly IReadOnlyDictionary<string, PatientInvolvement> Involvements = KebabCase.Terms<PatientInvolvement>();

    public static readonly IReadOnlyDictionary<string, PatientOutcome> Outcomes = KebabCase.Terms<PatientOutcome>();

    public static readonly IReadOnlyDictionary<string, UdiEntry> UdiEntries = KebabCase.Terms<UdiEntry>();

    public static readonly IReadOnlyDictionary<string, ComplaintClosure> Closures = KebabCase.Terms<ComplaintClosure>();

    /// <summary>Languages a caller's words or a reply may be in (culture names): the center's and its callers' usual ones.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "yue", "en", "de", "fr", "es"];

    public static string Of<T>(T value)
        where T : struct, Enum => KebabCase.Of(value);

    public static string? Of<T>(T? value)
        where T : struct, Enum => value is { } v ? KebabCase.Of(v) : null;

    /// <summary>The stored language for <paramref name="language"/> as sent (any case), or null when it is not one of <see cref="Languages"/>.</summary>
    public static string? Language(string? language) =>
        Languages.FirstOrDefault(l => string.Equals(l, language?.Trim(), StringComparison.OrdinalIgnoreCase));
}
