using CareDesk.Features.Devices;

namespace CareDesk.Features.Cases;

/// <summary>The words the API and the pages use for case types, priorities, statuses and timeline entries (kebab-case).</summary>
public static class CaseTerms
{
    public static readonly IReadOnlyDictionary<string, CaseType> Types = Map<CaseType>();

    public static readonly IReadOnlyDictionary<string, CasePriority> Priorities = Map<CasePriority>();

    public static readonly IReadOnlyDictionary<string, CaseStatus> Statuses = Map<CaseStatus>();

    public static readonly IReadOnlyDictionary<string, EscalationStatus> EscalationStatuses = Map<EscalationStatus>();

    public static readonly IReadOnlyDictionary<string, CallbackStatus> CallbackStatuses = Map<CallbackStatus>();

    public static string Of<T>(T value)
        where T : struct, Enum => DeviceTerms.Kebab(value);

    public static string List<T>(IReadOnlyDictionary<string, T> terms) => string.Join(", ", terms.Keys);

    private static Dictionary<string, T> Map<T>()
        where T : struct, Enum => Enum.GetValues<T>().ToDictionary(v => DeviceTerms.Kebab(v), v => v, StringComparer.Ordinal);
}
