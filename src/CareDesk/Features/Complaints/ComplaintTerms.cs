using CareDesk.Features.Devices;

namespace CareDesk.Features.Complaints;

/// <summary>The words the API uses for the complaint file's vocabularies (kebab-case); the pages show them localized.</summary>
public static class ComplaintTerms
{
    public static readonly IReadOnlyDictionary<string, PatientInvolvement> Involvements = Map<PatientInvolvement>();

    public static readonly IReadOnlyDictionary<string, PatientOutcome> Outcomes = Map<PatientOutcome>();

    public static readonly IReadOnlyDictionary<string, UdiEntry> UdiEntries = Map<UdiEntry>();

    public static readonly IReadOnlyDictionary<string, ComplaintClosure> Closures = Map<ComplaintClosure>();

    /// <summary>Languages a caller's words or a reply may be in (culture names): the center's and its callers' usual ones.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "yue", "en", "de", "fr", "es"];

    public static string Of<T>(T value)
        where T : struct, Enum => DeviceTerms.Kebab(value);

    public static string? Of<T>(T? value)
        where T : struct, Enum => value is { } v ? DeviceTerms.Kebab(v) : null;

    /// <summary>The stored language for <paramref name="language"/> as sent (any case), or null when it is not one of <see cref="Languages"/>.</summary>
    public static string? Language(string? language) =>
        Languages.FirstOrDefault(l => string.Equals(l, language?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, T> Map<T>()
        where T : struct, Enum => Enum.GetValues<T>().ToDictionary(v => DeviceTerms.Kebab(v), v => v, StringComparer.Ordinal);
}
