using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CareDesk.Platform.Scheduling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

// Durable timers at volume (issue 5's budget: timers fire within 5 s of their due time; 10,000 due in the same minute
// all fire, each once). Starts --nodes real CareDesk hosts (production scheduling settings) on one fresh PostgreSQL
// database, sets --timers timers through them, due spread evenly over one minute that starts --lead seconds later, waits
// for every firing, and prints lateness (actual start of the job minus its due time) p50/p95/max and any timer that
// fired twice or never.
//   CareDesk.Bench.Timers --server "Host=…;Port=…;Username=postgres" [--timers 10000] [--nodes 2] [--window 60] [--lead auto|seconds]
internal static class TimerBench
{
    public static async Task<int> Main(string[] args)
    {
        // WebApplicationFactory looks for the host's project folder next to a solution file unless told where it is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CAREDESK_HOST", AppContext.BaseDirectory);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["server"] = Environment.GetEnvironmentVariable("CAREDESK_TEST_PG") ?? "",
            ["timers"] = "10000",
            ["nodes"] = "2",
            ["window"] = "60",
            ["lead"] = "auto",
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

        var count = int.Parse(settings["timers"], CultureInfo.InvariantCulture);
        var window = TimeSpan.FromSeconds(int.Parse(settings["window"], CultureInfo.InvariantCulture));
        var database = $"caredesk_bench_timers_{Guid.NewGuid():N}";
        await ExecuteAsync(settings["server"], $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(settings["server"]) { Database = database }.ConnectionString;
        var clock = TimeProvider.System;
        var nodes = new List<TimerNode>();
        try
        {
            for (var n = 0; n < int.Parse(settings["nodes"], CultureInfo.InvariantCulture); n++)
            {
                var node = new TimerNode(connection);
                _ = node.Server; // starts the host: migrations, then the clustered scheduler
                nodes.Add(node);
            }

            Console.WriteLine($"{nodes.Count} node(s) up on {database}");

            // The minute they are due in starts once setting them all is surely done (--lead), so every one is set ahead.
            var keys = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-{i:D6}")).ToList();
            var setting = Stopwatch.StartNew();
            // auto: 30 s plus 30 ms per timer (setting one took ~20 ms on a loaded 2-core machine, 8 at a time, 2 nodes).
            var lead = settings["lead"] == "auto" ? 30 + (count * 0.03) : double.Parse(settings["lead"], CultureInfo.InvariantCulture);
            var windowStart = clock.GetUtcNow() + TimeSpan.FromSeconds(lead);
            var due = new ConcurrentDictionary<string, DateTimeOffset>();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            {
                var at = windowStart + TimeSpan.FromTicks(window.Ticks * i / count);
                due[keys[i]] = at;
                await nodes[i % nodes.Count].Timers.ScheduleAsync<BenchTimerJob>(keys[i], at, null, token);
            });
            var firstDue = due.Values.Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count} timers set in {setting.Elapsed.TotalSeconds:F1} s; due from {firstDue:HH:mm:ss.fff} over {window.TotalSeconds:F0} s; the first is due in {(firstDue - clock.GetUtcNow()).TotalSeconds:F1} s"));
            if (firstDue < clock.GetUtcNow())
            {
                Console.WriteLine("WARNING: setting took longer than the lead time; the earliest timers were already due when set.");
            }

            var deadline = due.Values.Max() + TimeSpan.FromSeconds(120);
            while (BenchTimerJob.Firings.Select(f => f.Key).Distinct().Count() < count && clock.GetUtcNow() < deadline)
            {
                await Task.Delay(500);
            }

            await Task.Delay(TimeSpan.FromSeconds(10)); // a second firing of any timer would show up here
            var firings = BenchTimerJob.Firings.ToList();
            var byKey = firings.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.ToList());
            var lateness = byKey.Select(k => (k.Value.Min(f => f.StartedAt) - due[k.Key]).TotalMilliseconds).Order().ToList();
            double Percentile(double p) => lateness.Count == 0 ? double.NaN : lateness[Math.Min(lateness.Count - 1, (int)Math.Ceiling(p * lateness.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT timers={count} fired={byKey.Count} twice={byKey.Count(k => k.Value.Count > 1)} never={count - byKey.Count} " +
                $"late_p50_ms={Percentile(0.50):F0} late_p95_ms={Percentile(0.95):F0} late_max_ms={(lateness.Count == 0 ? double.NaN : lateness[^1]):F0} " +
                $"early={lateness.Count(l => l < 0)} nodes={string.Join("/", firings.GroupBy(f => f.Node).Select(g => g.Count()))}"));
            var ok = byKey.Count == count && byKey.All(k => k.Value.Count == 1) && lateness.Count > 0 && lateness[^1] <= 5000;
            Console.WriteLine(ok ? "budget met: all fired, each once, within 5 s" : "BUDGET MISSED");
            return ok ? 0 : 1;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(settings["server"], $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One real CareDesk host (the same Program as production) with its production scheduling settings.</summary>
internal sealed class TimerNode(string connectionString) : WebApplicationFactory<Program>
{
    public DurableTimers Timers => Services.GetRequiredService<DurableTimers>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}

/// <summary>Records when it started, on which node; does nothing else, so the figures are the scheduler's own.</summary>
internal sealed class BenchTimerJob : IJob
{
    public static readonly ConcurrentQueue<(string Key, string Node, DateTimeOffset StartedAt)> Firings = new();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        Firings.Enqueue((context.JobDetail.Key.Name, await context.Scheduler.GetSchedulerInstanceId(cancellationToken), TimeProvider.System.GetUtcNow()));
}
