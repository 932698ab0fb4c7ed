using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reportability.Calendars;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>Reads <c>reportability-scenarios.json</c> and turns a scenario into the engine's input.</summary>
internal static class ReportabilityScenarios
{
    public static readonly ReportabilityEngine Engine = new(new RegulatoryCalendars(new EmbeddedChinaCalendarSource()));

    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> All = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Features", "Complaints", "reportability-scenarios.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return root["scenarios"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => (string)s["id"]!);
    });

    public static IEnumerable<string> Ids => All.Value.Keys;

    public static JsonObject Get(string id) => All.Value[id];

    public static AssessmentInput Input(JsonObject scenario)
    {
        var awareness = scenario["awareness"]!.AsObject();
        var at = DateTimeOffset.Parse((string)awareness["at"]!, System.Globalization.CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById((string)awareness["timeZone"]!);
        var now = scenario["now"] is { } n ? DateTimeOffset.Parse((string)n!, System.Globalization.CultureInfo.InvariantCulture) : at.AddHours(1);
        var profiles = scenario["profiles"]!.AsArray().Select(p => p!.AsObject()).Select(p => new MarketProfile(
            Enum.Parse<Market>((string)p["market"]!),
            (bool?)p["sold"],
            (bool?)p["ivd"],
            (string?)p["regulation"],
            (string?)p["deviceClass"],
            (string?)p["productCode"],
            (bool?)p["innovativeFirstCycle"])).ToList();
        var information = scenario["information"]!.AsArray().Select(i => i!.AsObject()).Select(i => new LaterInformation(
            DateTimeOffset.Parse((string)i["receivedAt"]!, System.Globalization.CultureInfo.InvariantCulture),
            Facts(i["facts"]!.AsObject()))).ToList();
        var later = information.Select(i => i.ReceivedAt).DefaultIfEmpty(at).Max();
        return new AssessmentInput(
            profiles, (string?)scenario["eventCountry"], (string?)scenario["euMemberState"], new Awareness(at, zone),
            Facts(scenario["facts"]!.AsObject()), information, scenario["now"] is null ? later.AddHours(1) : now);
    }

    public static FactSet Facts(JsonObject facts) =>
        new(facts.ToDictionary(f => f.Key, f => GuidedFacts.Parse(f.Key, (string?)f.Value) ?? throw new JsonException($"bad fact {f.Key}"), StringComparer.Ordinal));
}
