using System.Globalization;
using CareDesk.Bench.Desks;

// Many open desks of one agent (item 12f of issue 10): what each connected desk costs the host in memory, and how long a
// ringing call takes to put the caller's card on every one of them. Talks to a running CareDesk host (bench/desks/run.sh
// starts the published one in demo mode) over HTTP only, as a phone system and a browser would.
//   CareDesk.Bench.Desks --url http://127.0.0.1:5097 --host-pid PID [--memory-desks "30 60 100"] [--fanout-desks 30]
//                        [--calls 20] [--page /] [--gcdump dotnet-gcdump] [--out DIR] [--secret demo-telephony-secret]
//                        [--host-log FILE] [--callers FILE]
// With --callers (E.164 numbers of people already in the database, one a line: bench/people10m) no caller is created.
// With --host-log (the host's console log, with ScreenPopHub at Debug) the server's share of each fan-out is read from
// the host's own measurement: webhook handed over → the last desk's render batch handed to its connection.
internal static class DesksBench
{
    public static async Task<int> Main(string[] args)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = "http://127.0.0.1:5097",
            ["host-pid"] = "",
            ["memory-desks"] = "30 60 100",
            ["fanout-desks"] = "30",
            ["calls"] = "20",
            ["page"] = "/",
            ["agent"] = "agent@demo.caredesk",
            ["password"] = "CareDesk-demo-1",
            ["secret"] = "demo-telephony-secret",
            ["gcdump"] = "dotnet-gcdump",
            ["out"] = "artifacts/bench-desks",
            ["min-free-mb"] = "3000",
            ["host-log"] = "",
            ["callers"] = "",
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

        var baseAddress = new Uri(settings["url"]);
        var memoryLevels = Levels(settings["memory-desks"]);
        var fanout = int.Parse(settings["fanout-desks"], CultureInfo.InvariantCulture);
        var calls = int.Parse(settings["calls"], CultureInfo.InvariantCulture);
        Directory.CreateDirectory(settings["out"]);
        var memory = settings["host-pid"] is { Length: > 0 } pid
            ? new HostMemory(int.Parse(pid, CultureInfo.InvariantCulture), settings["gcdump"], settings["out"])
            : null;
        if (memory is null && memoryLevels.Count > 0)
        {
            Console.Error.WriteLine("--host-pid is needed to measure memory (or pass --memory-desks \"\")");
            return 2;
        }

        var phones = new PhoneSystem(baseAddress, settings["secret"], settings["agent"]);
        await phones.SignInAsync(settings["password"]);
        // One caller to warm the pop path up, then one fresh caller per measured call: each is a first call for its
        // caller, so no card is cached anywhere.
        List<PhoneSystem.Caller> callers;
        if (settings["callers"].Length > 0)
        {
            callers = PhoneSystem.ReadCallers(settings["callers"], fanout > 0 ? calls + 1 : 1);
            Console.WriteLine($"{callers.Count} known callers read from {settings["callers"]}");
        }
        else
        {
            callers = await phones.CreateCallersAsync(fanout > 0 ? calls + 1 : 1);
            Console.WriteLine($"{callers.Count} known callers created (a phone, a device, accessibility needs each)");
        }


        await using var desks = await DeskBrowser.LaunchAsync(baseAddress, settings["agent"], settings["password"], settings["page"]);
        var minFreeMb = long.Parse(settings["min-free-mb"], CultureInfo.InvariantCulture);

        // Warm-up: the first desk JITs the layout, the pop and the card query; what stays behind is not a desk's cost.
        await desks.OpenAsync(1, minFreeMb);
        await desks.RingAndWaitAsync(phones, callers[0].Phone, expectCard: true);
        await desks.CloseAllAsync();

        var results = new List<string>();
        HostMemory.Sample? empty = null;
        if (memory is not null)
        {
            empty = await memory.MeasureAsync("0 desks");
            results.Add(empty.ToString());
        }

        var levels = memoryLevels.Union(fanout > 0 ? [fanout] : []).Order().ToList();
        foreach (var level in levels)
        {
            if (!await desks.OpenAsync(level, minFreeMb))
            {
                results.Add($"stopped before {level} desks: less than {minFreeMb} MB of memory available");
                break;
            }

            if (memory is not null && memoryLevels.Contains(level))
            {
                var sample = await memory.MeasureAsync($"{level} desks");
                results.Add($"{sample} | per desk: {sample.PerDesk(empty!, level)}");
            }

            if (level == fanout)
            {
                results.AddRange(await MeasureFanOutAsync(desks, phones, callers.Skip(1).ToList(), calls, settings["host-log"]));
                // Each desk now shows the last pop: the state an agent's desk is in for most of a shift. Ring a known
                // caller last, so the desks hold a caller's card (its new-case form is rendered only when asked for).
                await desks.RingAndWaitAsync(phones, callers[0].Phone, expectCard: true);
                if (memory is not null)
                {
                    var sample = await memory.MeasureAsync($"{level} desks showing a card");
                    results.Add($"{sample} | per desk: {sample.PerDesk(empty!, level)}");
                }
            }
        }

        await desks.CloseAllAsync();
        if (memory is not null)
        {
            results.Add((await memory.MeasureAsync("all desks closed")).ToString());
        }

        var summary = string.Join('\n', results);
        Console.WriteLine("== summary\n" + summary);
        await File.WriteAllTextAsync(Path.Combine(settings["out"], "summary.txt"), summary + "\n");
        return 0;
    }

    private static async Task<List<string>> MeasureFanOutAsync(
        DeskBrowser desks, PhoneSystem phones, List<PhoneSystem.Caller> callers, int calls, string hostLog)
    {
        var lines = new List<string>();
        foreach (var (kind, known) in new[] { ("known caller", true), ("unknown number", false) })
        {
            var server = hostLog.Length > 0 ? new ServerFanOut(hostLog) : null;
            var all = new List<double>();
            var first = new List<double>();
            for (var i = 0; i < calls; i++)
            {
                var phone = known ? callers[i].Phone : PhoneSystem.UnknownNumber();
                var seen = await desks.RingAndWaitAsync(phones, phone, expectCard: known);
                all.Add(seen.Max());
                first.Add(seen.Min());
                Console.WriteLine($"{kind} {i + 1}/{calls}: first desk {seen.Min():F0} ms, all {seen.Count} desks {seen.Max():F0} ms");
            }

            lines.Add($"fan-out, {desks.Count} desks, {kind}, {calls} cold calls: webhook POST → visible on all desks "
                + $"p50 {Percentile(all, 0.5):F0} ms, p95 {Percentile(all, 0.95):F0} ms, max {all.Max():F0} ms; "
                + $"on the first desk p50 {Percentile(first, 0.5):F0} ms");
            if (server is not null)
            {
                // The host logs its line once the last desk has rendered; give a slow desk a moment to finish.
                await Task.Delay(TimeSpan.FromSeconds(1));
                var own = server.Read(desks.Count);
                lines.Add(own.Count == 0
                    ? $"fan-out, {desks.Count} desks, {kind}: no server measurement in the host log (ScreenPopHub at Debug?)"
                    : $"fan-out, {desks.Count} desks, {kind}, {own.Count} calls, server's share (webhook → last desk's render "
                        + $"batch sent): p50 {Percentile(own, 0.5):F1} ms, p95 {Percentile(own, 0.95):F1} ms, max {own.Max():F1} ms");
            }
        }

        return lines;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static List<int> Levels(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).Order()];
}
