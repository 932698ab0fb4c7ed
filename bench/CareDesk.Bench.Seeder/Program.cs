using System.Globalization;
using CareDesk.Bench.Seeder;

// Loads a deterministic synthetic population for the benchmarks (docs/benchmarks.md). Bulk data bypasses the audit
// trail on purpose: it is test data, and a real import is audited as one action, not a million row changes.
//   CareDesk.Bench.Seeder --provider PostgreSql|Sqlite --connection "<connection string>"
//                         [--people 1000000] [--devices 1000000] [--samples bench-samples.txt] [--sample-count 5000]
//                         [--search-samples bench-search-samples.txt] [--callers callers.txt] [--caller-count 500]
//   CareDesk.Bench.Seeder --load cases --provider … --connection … --people <as seeded> [--cases 1000000]
//                         [--contacts 5000000] [--staff 500] [--long-case long-case.txt]
//     adds cases, timelines and contacts to a seeded population whose host has started once in demo mode.
var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
{
    ["load"] = "people",
    ["provider"] = "Sqlite",
    ["connection"] = "Data Source=data/bench.db",
    ["people"] = "1000000",
    ["devices"] = "1000000",
    ["samples"] = "bench-samples.txt",
    ["sample-count"] = "5000",
    ["search-samples"] = "bench-search-samples.txt",
    ["callers"] = "",
    ["caller-count"] = "500",
    ["cases"] = "1000000",
    ["contacts"] = "5000000",
    ["staff"] = "500",
    ["long-case"] = "long-case.txt",
};
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || !settings.ContainsKey(args[i][2..]))
    {
        Console.Error.WriteLine($"Unknown option {args[i]}; known: {string.Join(", ", settings.Keys.Select(k => "--" + k))}");
        return 2;
    }

    settings[args[i][2..]] = args[i + 1];
}

var people = int.Parse(settings["people"], CultureInfo.InvariantCulture);
void Report(string step, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings["provider"],-10} {step,-40} {elapsed.TotalSeconds,8:F1} s"));
var postgres = string.Equals(settings["provider"], "PostgreSql", StringComparison.OrdinalIgnoreCase);

if (settings["load"] == "cases")
{
    var cases = int.Parse(settings["cases"], CultureInfo.InvariantCulture);
    var contacts = int.Parse(settings["contacts"], CultureInfo.InvariantCulture);
    var staff = int.Parse(settings["staff"], CultureInfo.InvariantCulture);
    if (contacts < cases)
    {
        Console.Error.WriteLine("--contacts must be at least --cases: every case is opened by a contact.");
        return 2;
    }

    SyntheticCases Generate(IReadOnlyList<string> users, IReadOnlyList<string> teams, string agent) =>
        new(people, cases, contacts, staff, users, teams, agent);
    if (postgres)
    {
        await PostgreSqlLoader.LoadCasesAsync(settings["connection"], Generate, Report);
    }
    else
    {
        await SqliteLoader.LoadCasesAsync(settings["connection"], Generate, Report);
    }

    await File.WriteAllTextAsync(settings["long-case"], SyntheticCases.LongCaseId(cases).ToString());
    Console.WriteLine($"case with {SyntheticCases.LongTimeline} timeline entries: {SyntheticCases.LongCaseId(cases)} (in {settings["long-case"]})");
    return 0;
}

var devices = int.Parse(settings["devices"], CultureInfo.InvariantCulture);
var population = new SyntheticPopulation(people, devices);
var samples = LookupSamples.Write(settings["samples"], people, int.Parse(settings["sample-count"], CultureInfo.InvariantCulture));
Console.WriteLine($"{samples} lookup samples written to {settings["samples"]}");
var searchSamples = SearchSamples.Write(settings["search-samples"], people, devices, int.Parse(settings["sample-count"], CultureInfo.InvariantCulture));
Console.WriteLine($"{searchSamples} search samples written to {settings["search-samples"]}");
if (settings["callers"].Length > 0)
{
    var callers = LookupSamples.WriteCallers(settings["callers"], people, int.Parse(settings["caller-count"], CultureInfo.InvariantCulture));
    Console.WriteLine($"{callers} screen-pop callers written to {settings["callers"]}");
}

Console.WriteLine($"{people:N0} people, {population.ContactPoints:N0} contact points, {devices:N0} devices");

if (postgres)
{
    await PostgreSqlLoader.LoadAsync(settings["connection"], population, Report);
}
else
{
    await SqliteLoader.LoadAsync(settings["connection"], population, Report);
}

return 0;
