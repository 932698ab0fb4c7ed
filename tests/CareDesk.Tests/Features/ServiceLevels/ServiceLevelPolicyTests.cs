using CareDesk.Features.ServiceLevels;

namespace CareDesk.Tests.Features.ServiceLevels;

public sealed class ServiceLevelPolicyTests
{
    private static readonly string[] CalendarIds = ["cn-office", "24x7"];

    private static readonly ServiceLevelTargets Standard = new("cn-office", TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromDays(5));

    private static ServiceLevelPolicy Policy() => ServiceLevelPolicy.Create(
        Standard,
        [
            new ServiceLevelRule(null, "urgent", new ServiceLevelTargets("24x7", TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(24))),
            new ServiceLevelRule("complaint", null, new ServiceLevelTargets("cn-office", TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromDays(10))),
            new ServiceLevelRule("complaint", "urgent", new ServiceLevelTargets("24x7", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromDays(3))),
            new ServiceLevelRule("feedback", null, new ServiceLevelTargets("cn-office", null, null, TimeSpan.FromDays(20))),
        ],
        0.8,
        CalendarIds).Value!;

    [Theory]
    [InlineData("complaint", "urgent", "00:10:00", "24x7")]
    [InlineData("complaint", "low", "02:00:00", "cn-office")]
    [InlineData("repair", "urgent", "00:15:00", "24x7")]
    [InlineData("question", "normal", "04:00:00", "cn-office")]
    public void The_most_specific_rule_wins_then_the_default(string caseType, string priority, string firstResponse, string calendarId)
    {
        var targets = Policy().For(caseType, priority);

        Assert.Equal((TimeSpan.Parse(firstResponse, System.Globalization.CultureInfo.InvariantCulture), calendarId), (targets.FirstResponse!.Value, targets.CalendarId));
    }

    [Fact]
    public void A_missing_target_means_that_clock_does_not_run()
    {
        var feedback = Policy().For("feedback", "normal");

        Assert.Null(feedback.For(ServiceLevelKind.FirstResponse));
        Assert.Equal(TimeSpan.FromDays(20), feedback.For(ServiceLevelKind.Resolution));
        Assert.Equal(0.8, Policy().WarnShare);
    }

    [Fact]
    public void Every_case_type_and_priority_gets_targets()
    {
        var policy = Policy();

        Assert.All(
            ServiceLevelPolicy.CaseTypes.SelectMany(t => ServiceLevelPolicy.Priorities.Select(p => policy.For(t, p))),
            targets => Assert.Contains(targets.CalendarId, CalendarIds));
    }

    public static TheoryData<string, ServiceLevelRule[], double, string, string> InvalidPolicies() => new()
    {
        { "warning at 100 %", [], 1.0, "warnShare", "Policy.WarnShareRange" },
        { "unknown type", [new("hardware", null, Standard)], 0.8, "rules[0].caseType", "Policy.CaseTypeUnknown" },
        { "unknown priority", [new(null, "critical", Standard)], 0.8, "rules[0].priority", "Policy.PriorityUnknown" },
        { "matches everything", [new(null, null, Standard)], 0.8, "rules[0].caseType", "Policy.RuleMatchesEverything" },
        { "twice the same", [new("repair", "high", Standard), new("repair", "high", Standard)], 0.8, "rules[1]", "Policy.RuleDuplicate" },
        { "unknown calendar", [new("repair", null, Standard with { CalendarId = "mars" })], 0.8, "rules[0].targets.calendarId", "Policy.CalendarUnknown" },
        { "zero target", [new("repair", null, Standard with { Callback = TimeSpan.Zero })], 0.8, "rules[0].targets.callback", "Policy.TargetNotPositive" },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void Wrong_rules_fail_naming_the_field(string story, ServiceLevelRule[] rules, double warnShare, string field, string messageKey)
    {
        var result = ServiceLevelPolicy.Create(Standard, rules, warnShare, CalendarIds);

        Assert.False(result.Succeeded, story);
        Assert.Equal((field, messageKey), (result.Failure!.Field, result.Failure.MessageKey));
    }

    [Fact]
    public void The_default_must_name_a_known_calendar()
    {
        var result = ServiceLevelPolicy.Create(Standard with { CalendarId = "nowhere" }, [], 0.8, CalendarIds);

        Assert.Equal("default.calendarId", result.Failure!.Field);
    }
}
