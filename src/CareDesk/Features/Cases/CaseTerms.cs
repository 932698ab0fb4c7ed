using CareDesk.Platform.Api;

namespace CareDesk.Features.Cases;

/// <summary>The words the API and the pages use for case types, priorities, statuses and timeline entries (kebab-case).</summary>
public static class CaseTerms
{
    public static readonly IReadOnlyDictionary<string, CaseType> Types = KebabCase.Terms<CaseType>();

    public static readonly IReadOnlyDictionary<string, CasePriority> Priorities = KebabCase.Terms<CasePriority>();

    public static readonly IReadOnlyDictionary<string, CaseStatus> Statuses = KebabCase.Terms<CaseStatus>();

    public static readonly IReadOnlyDictionary<string, EscalationStatus> EscalationStatuses = KebabCase.Terms<EscalationStatus>();

    public static readonly IReadOnlyDictionary<string, CallbackStatus> CallbackStatuses = KebabCase.Terms<CallbackStatus>();

    public static string Of<T>(T value)
        where T : struct, Enum => KebabCase.Of(value);

    public static string List<T>(IReadOnlyDictionary<string, T> terms) => string.Join(", ", terms.Keys);
}
