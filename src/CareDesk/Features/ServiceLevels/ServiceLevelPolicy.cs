using CareDesk.Platform.Api;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// Which targets apply to a case: the rule for its type and priority, else for its type, else for its priority,
/// else the default. Built by <see cref="Create"/>, which checks every rule.
/// </summary>
public sealed class ServiceLevelPolicy
{
    public static readonly IReadOnlyList<string> CaseTypes = ["question", "technical-support", "repair", "complaint", "order-help", "feedback"];

    public static readonly IReadOnlyList<string> Priorities = ["low", "normal", "high", "urgent"];

    private readonly Dictionary<(string Type, string Priority), ServiceLevelTargets> rules;

    private ServiceLevelPolicy(ServiceLevelTargets defaultTargets, IReadOnlyList<ServiceLevelRule> rules, double warnShare)
    {
        Default = defaultTargets;
        Rules = rules;
        WarnShare = warnShare;
        this.rules = rules.ToDictionary(r => (r.CaseType ?? "", r.Priority ?? ""), r => r.Targets);
    }

    public ServiceLevelTargets Default { get; }

    public IReadOnlyList<ServiceLevelRule> Rules { get; }

    /// <summary>The share of a target after which a clock warns (0.8: at 80 %).</summary>
    public double WarnShare { get; }

    /// <param name="calendarIds">The calendars that exist; every target must name one of them.</param>
    public static Result<ServiceLevelPolicy> Create(
        ServiceLevelTargets defaultTargets,
        IReadOnlyList<ServiceLevelRule> rules,
        double warnShare,
        IReadOnlyCollection<string> calendarIds)
    {
        if (!(warnShare > 0 && warnShare < 1))
        {
            return Failure.Invalid("warnShare", "Policy.WarnShareRange");
        }

        if (Check("default", defaultTargets, calendarIds) is { } invalidDefault)
        {
            return invalidDefault;
        }

        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.CaseType is not null && !CaseTypes.Contains(rule.CaseType, StringComparer.Ordinal))
            {
                return Failure.Invalid($"rules[{i}].caseType", "Policy.CaseTypeUnknown", string.Join(", ", CaseTypes));
            }

            if (rule.Priority is not null && !Priorities.Contains(rule.Priority, StringComparer.Ordinal))
            {
                return Failure.Invalid($"rules[{i}].priority", "Policy.PriorityUnknown", string.Join(", ", Priorities));
            }

            if (rule.CaseType is null && rule.Priority is null)
            {
                return Failure.Invalid($"rules[{i}].caseType", "Policy.RuleMatchesEverything");
            }

            if (!seen.Add((rule.CaseType ?? "", rule.Priority ?? "")))
            {
                return Failure.Invalid($"rules[{i}]", "Policy.RuleDuplicate");
            }

            if (Check($"rules[{i}].targets", rule.Targets, calendarIds) is { } invalid)
            {
                return invalid;
            }
        }

        return new ServiceLevelPolicy(defaultTargets, [.. rules], warnShare);
    }

    /// <summary>The targets for a case of this type and priority (the cases API's words).</summary>
    public ServiceLevelTargets For(string caseType, string priority) =>
        rules.GetValueOrDefault((caseType, priority))
        ?? rules.GetValueOrDefault((caseType, ""))
        ?? rules.GetValueOrDefault(("", priority))
        ?? Default;

    private static Failure? Check(string field, ServiceLevelTargets targets, IReadOnlyCollection<string> calendarIds)
    {
        if (!calendarIds.Contains(targets.CalendarId, StringComparer.Ordinal))
        {
            return Failure.Invalid($"{field}.calendarId", "Policy.CalendarUnknown", targets.CalendarId);
        }

        foreach (var kind in Enum.GetValues<ServiceLevelKind>())
        {
            if (targets.For(kind) is { } target && target <= TimeSpan.Zero)
            {
                var name = kind switch
                {
                    ServiceLevelKind.FirstResponse => "firstResponse",
                    ServiceLevelKind.Callback => "callback",
                    _ => "resolution",
                };
                return Failure.Invalid($"{field}.{name}", "Policy.TargetNotPositive");
            }
        }

        return null;
    }
}
