using System.Diagnostics;
using System.Globalization;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.People;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// The due list at volume (issue 12's budget: GET /api/obligations over 100,000 open obligations in ≤ 300 ms). Starts a
// real CareDesk host (production settings, timers off: the seeded rows have none) on a fresh PostgreSQL database, makes
// --complaints complaint files through the use cases, seeds --obligations open obligations spread over them (SQL,
// one statement per batch; due times spread over ±60 days around now, a tenth overdue), then times the list's first page
// (the quality page's query: open, by due time, 100 rows, with the total and overdue counts) --runs times after --warmup,
// and the same filtered by market and dueBefore. Prints p50/p95/max and the query plan; exits non-zero over budget.
//   CareDesk.Bench.Obligations --server "Host=…;Port=…;Username=postgres" [--obligations 100000] [--complaints 200] [--runs 50] [--warmup 5]
internal static class ObligationsBench
{
    public static async Task<int> Main(string[] args)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CAREDESK_HOST", AppContext.BaseDirectory);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["server"] = Environment.GetEnvironmentVariable("CAREDESK_TEST_PG") ?? "",
            ["obligations"] = "100000",
            ["complaints"] = "200",
            ["runs"] = "50",
            ["warmup"] = "5",
            ["budget-ms"] = "300",
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

        int Setting(string name) => int.Parse(settings[name], CultureInfo.InvariantCulture);
        var database = $"caredesk_bench_obligations_{Guid.NewGuid():N}";
        await ExecuteAsync(settings["server"], $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(settings["server"]) { Database = database }.ConnectionString;
        try
        {
            await using var host = new ObligationsHost(connection);
            _ = host.Server; // migrations and seeding of the catalog and demo users
            var seeded = await ObligationSeeder.SeedAsync(host.Services, connection, Setting("complaints"), Setting("obligations"));
            Console.WriteLine($"seeded {seeded:N0} open obligations over {Setting("complaints")} complaints in {database}");

            var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
            var queries = new (string Name, ListObligations.Query Query)[]
            {
                ("open, first page", new ListObligations.Query()),
                ("overdue", new ListObligations.Query("overdue")),
                ("CN due within 7 days", new ListObligations.Query("open", "CN", TimeProvider.System.GetUtcNow().AddDays(7))),
            };
            var failed = false;
            foreach (var (name, query) in queries)
            {
                var timings = new List<double>();
                for (var run = 0; run < Setting("warmup") + Setting("runs"); run++)
                {
                    await using var scope = host.Services.CreateAsyncScope();
                    var list = scope.ServiceProvider.GetRequiredService<ListObligations>();
                    var started = Stopwatch.GetTimestamp();
                    var result = await list.RunAsync(query, zone, CancellationToken.None);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (!result.Succeeded || result.Value!.Items.Count == 0)
                    {
                        Console.Error.WriteLine($"{name}: no rows");
                        return 1;
                    }

                    if (run >= Setting("warmup"))
                    {
                        timings.Add(elapsed);
                    }
                }

                timings.Sort();
                double P(double q) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(q * timings.Count) - 1)];
                var over = P(0.95) > Setting("budget-ms");
                failed |= over;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-24} p50 {P(0.5),7:F1} ms  p95 {P(0.95),7:F1} ms  max {timings[^1],7:F1} ms{(over ? "  OVER BUDGET" : "")}"));
            }

            await using (var plan = new NpgsqlConnection(connection))
            {
                await plan.OpenAsync();
                await using var explain = new NpgsqlCommand(
                    "EXPLAIN ANALYZE SELECT * FROM obligations WHERE \"Status\" = 'Open' ORDER BY \"DueAt\", \"Id\" LIMIT 100", plan);
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    Console.WriteLine("  " + reader.GetString(0));
                }
            }

            return failed ? 1 : 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(settings["server"], $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed class ObligationsHost(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}

/// <summary>
/// Seeds the due list: complaint files made through the use cases (person, case, flag), then open obligations spread
/// over them with distinct clock starts (their unique key), in SQL batches of 10,000 rows.
/// </summary>
internal static class ObligationSeeder
{
    public static async Task<int> SeedAsync(IServiceProvider services, string connection, int complaints, int obligations)
    {
        var complaintIds = new List<(Guid Complaint, Guid Case)>();
        string agentId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
            agentId = await db.Users.Where(u => u.Email == "agent@demo.caredesk").Select(u => u.Id).SingleAsync();
        }

        var actor = new StaffActor(agentId, false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        for (var i = 0; i < complaints; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var person = await scope.ServiceProvider.GetRequiredService<CreatePerson>().RunAsync(
                new CreatePerson.Request($"Bench {i}", null, null, "patient", null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                CancellationToken.None);
            var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().RunAsync(
                new OpenCase.Request(person.Value, "question", null, $"Bench complaint {i}"), actor, CancellationToken.None);
            var flagged = await scope.ServiceProvider.GetRequiredService<FlagComplaint>().RunAsync(opened.Value, new FlagComplaint.Request(), actor, zone, CancellationToken.None);
            complaintIds.Add((flagged.Value, opened.Value));
        }

        var now = TimeProvider.System.GetUtcNow();
        string[] markets = ["US", "EU", "CN"];
        string[] kinds = ["us-mdr-30-day", "eu-serious-incident", "cn-individual"];
        await using var db2 = new NpgsqlConnection(connection);
        await db2.OpenAsync();
        const int Batch = 10_000;
        for (var start = 0; start < obligations; start += Batch)
        {
            var count = Math.Min(Batch, obligations - start);
            await using var batch = new NpgsqlBatch(db2);
            var insert = new NpgsqlBatchCommand(
                """
                INSERT INTO obligations ("Id", "ComplaintId", "CaseId", "Market", "Kind", "Form", "ClockStart", "Period", "Unit", "Due", "NominalDue",
                    "DueAt", "DueAlertAt", "WarnAt", "Provisional", "Status", "AlertedStage", "CreatedAt", "Version")
                SELECT gen_random_uuid(), c.complaint, c.case_id, m.market, m.kind, 'bench form', @now - make_interval(secs => n),
                       30, 'calendar-days', to_char(@now + make_interval(secs => (n % 10368000) - 864000), 'YYYY-MM-DD'), NULL,
                       @now + make_interval(secs => (n % 10368000) - 864000), @now + make_interval(secs => (n % 10368000) - 950400),
                       @now + make_interval(secs => (n % 10368000) - 1123200), n % 7 = 0, 'Open', 0, @now, gen_random_uuid()
                FROM generate_series(@from, @to) AS n
                CROSS JOIN LATERAL (SELECT (@complaints)[1 + n % cardinality(@complaints)] AS complaint, (@cases)[1 + n % cardinality(@cases)] AS case_id) AS c
                CROSS JOIN LATERAL (SELECT (@markets)[1 + n % 3] AS market, (@kinds)[1 + n % 3] AS kind) AS m
                """);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("from", start);
            insert.Parameters.AddWithValue("to", start + count - 1);
            insert.Parameters.AddWithValue("complaints", complaintIds.Select(c => c.Complaint).ToArray());
            insert.Parameters.AddWithValue("cases", complaintIds.Select(c => c.Case).ToArray());
            insert.Parameters.AddWithValue("markets", markets);
            insert.Parameters.AddWithValue("kinds", kinds);
            batch.BatchCommands.Add(insert);
            await batch.ExecuteNonQueryAsync();
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE obligations", db2))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return obligations;
    }
}
