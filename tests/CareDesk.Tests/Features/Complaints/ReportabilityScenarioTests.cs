using System.Text.Json.Nodes;
using CareDesk.Features.Complaints.Reportability;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>
/// The scenarios of <c>reportability-scenarios.json</c>: callers' words in Chinese and English, each market, holidays
/// and make-up working days, follow-ups, group events, recalls, events outside a market; due dates checked by hand.
/// </summary>
public sealed class ReportabilityScenarioTests
{
    public static TheoryData<string> Scenarios => [.. ReportabilityScenarios.Ids];

    [Fact]
    public void There_are_at_least_40_scenarios_each_with_chinese_and_english_words()
    {
        Assert.True(ReportabilityScenarios.Ids.Count() >= 40);
        Assert.All(ReportabilityScenarios.Ids.Select(ReportabilityScenarios.Get), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)s["description"]!["en"]));
            Assert.Contains((string)s["description"]!["zh"]!, c => c >= '\u4e00' && c <= '\u9fff');
        });
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_decides_and_dates_as_checked_by_hand(string id)
    {
        var scenario = ReportabilityScenarios.Get(id);

        var assessment = ReportabilityScenarios.Engine.Assess(ReportabilityScenarios.Input(scenario));

        foreach (var expected in scenario["expect"]!.AsArray().Select(e => e!.AsObject()))
        {
            var market = Assert.Single(assessment.Markets, m => m.Market == (string)expected["market"]!);
            var because = $"{id} {market.Market}: {string.Join(", ", market.Reasons)} → " +
                string.Join("; ", market.Obligations.Select(o => $"{o.Kind} {o.Due} ({o.NominalDue}) {o.Status}"));
            Assert.True((bool)expected["applicable"]! == market.Applicable, because);
            Assert.True((string)expected["reportable"]! == market.Reportable, because);
            Assert.True((string)expected["eventClass"]! == market.EventClass, because);
            var wanted = expected["obligations"]!.AsArray().Select(o => o!.AsObject()).Select(Describe).Order().ToList();
            var actual = market.Obligations
                .Select(o => Describe(o, expected["obligations"]!.AsArray().Any(w => (string)w!["kind"]! == o.Kind && w["nominalDue"] is not null)))
                .Order().ToList();
            Assert.True(wanted.SequenceEqual(actual), $"{because}\nexpected: {string.Join("; ", wanted)}");
        }
    }

    private static string Describe(JsonObject o) =>
        $"{o["kind"]} due {o["due"]}{(o["nominalDue"] is { } n ? $" nominal {n}" : "")} {o["status"]}";

    private static string Describe(Obligation o, bool withNominal) =>
        $"{o.Kind} due {o.Due}{(withNominal && o.NominalDue is not null ? $" nominal {o.NominalDue}" : "")} {o.Status}";
}
