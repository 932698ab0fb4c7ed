using CareDesk.Features.Cases;
using CareDesk.Features.ServiceLevels;

namespace CareDesk.Tests.Features.ServiceLevels;

/// <summary>
/// The work page filters and the desk counts by service-level state in the database (<see cref="ServiceLevelState.StateOf"/>);
/// the badge computes it in memory (<see cref="ServiceLevelState.Of"/>). The two must agree on every kind of case.
/// </summary>
public sealed class ServiceLevelStateQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Cases() => [.. Variants().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_query_expression_gives_the_state_the_badge_shows(string name)
    {
        var timed = Variants()[name];

        Assert.Equal(ServiceLevelState.Of(timed, Now), ServiceLevelState.StateOf(Now).Compile()(timed));
    }

    [Fact]
    public void Every_state_is_reached_by_some_case()
    {
        var state = ServiceLevelState.StateOf(Now).Compile();

        Assert.Equal(ServiceLevelState.All.Order(), Variants().Values.Select(state).Distinct().Order());
    }

    [Fact]
    public void In_keeps_the_cases_of_the_states_named()
    {
        var inWarningOrBreached = ServiceLevelState.In([ServiceLevelState.Warning, ServiceLevelState.Breached], Now).Compile();

        var kept = Variants().Where(v => inWarningOrBreached(v.Value)).Select(v => ServiceLevelState.Of(v.Value, Now)).Distinct().Order();

        Assert.Equal([ServiceLevelState.Breached, ServiceLevelState.Warning], kept);
    }

    private static Dictionary<string, Case> Variants()
    {
        var hour = TimeSpan.FromHours(1);
        Case Timed(Action<Case> set)
        {
            var c = new Case
            {
                Number = "K7M2Q9XD",
                Subject = "s",
                OpenedBy = "u",
                OwnerUserId = "u",
                Status = CaseStatus.InProgress,
                ServicePolicyId = Guid.NewGuid(),
                FirstResponseTarget = hour,
                FirstResponseDueAt = Now + hour,
                FirstResponseWarnAt = Now + (hour / 2),
                ResolutionTarget = 8 * hour,
                ResolutionDueAt = Now + (8 * hour),
                ResolutionWarnAt = Now + (6 * hour),
            };
            set(c);
            return c;
        }

        return new()
        {
            ["no policy"] = Timed(c => c.ServicePolicyId = null),
            ["on track"] = Timed(_ => { }),
            ["first response warned by time"] = Timed(c => c.FirstResponseWarnAt = Now - hour),
            ["first response warned by record"] = Timed(c => c.FirstResponseWarnedAt = Now),
            ["first response due"] = Timed(c => c.FirstResponseDueAt = Now),
            ["first response breach recorded"] = Timed(c => c.FirstResponseBreachedAt = Now - hour),
            ["first response met, resolution on track"] = Timed(c => (c.FirstRespondedAt, c.FirstResponseDueAt) = (Now - hour, Now - hour)),
            ["first response met, resolution warned"] = Timed(c => (c.FirstRespondedAt, c.ResolutionWarnAt) = (Now - hour, Now)),
            ["resolution past due"] = Timed(c => (c.FirstRespondedAt, c.ResolutionDueAt) = (Now - hour, Now - hour)),
            ["resolution breach recorded"] = Timed(c => c.ResolutionBreachedAt = Now),
            ["no resolution target, first response met"] = Timed(c => (c.FirstRespondedAt, c.ResolutionTarget, c.ResolutionDueAt, c.ResolutionWarnAt) = (Now, null, null, null)),
            ["no first response target"] = Timed(c => (c.FirstResponseTarget, c.FirstResponseDueAt, c.FirstResponseWarnAt) = (null, null, null)),
            ["paused"] = Timed(c => (c.Status, c.ClockPausedSince) = (CaseStatus.WaitingOnCustomer, Now - hour)),
            ["paused past due"] = Timed(c => (c.ClockPausedSince, c.FirstResponseDueAt) = (Now - hour, Now - hour)),
            ["new, no clock yet due"] = Timed(c => c.Status = CaseStatus.New),
            ["resolved in time"] = Timed(c => (c.Status, c.ResolvedAt) = (CaseStatus.Resolved, Now)),
            ["resolved late"] = Timed(c => (c.Status, c.ResolvedAt, c.ResolutionDueAt) = (CaseStatus.Resolved, Now, Now - hour)),
            ["closed after a breach"] = Timed(c => (c.Status, c.FirstResponseBreachedAt) = (CaseStatus.Closed, Now - hour)),
            ["closed without a resolution due time"] = Timed(c => (c.Status, c.ResolvedAt, c.ResolutionDueAt) = (CaseStatus.Closed, Now, null)),
        };
    }
}
