using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Case creation under load against a running host: signs in, creates --people patients, then --clients loops each
// open cases (POST /api/cases, the same request an agent's "new case" sends) for --warmup and then --duration, and
// prints one RESULT line in bench/people's format (cases/s, latency percentiles, errors).
//   dotnet CareDesk.Bench.Writes.dll --url http://127.0.0.1:5096 [--clients 8] [--duration 20] [--warmup 5] [--people 50]
var settings = Args.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients + 2 })
{
    BaseAddress = new Uri(settings.Url),
    Timeout = TimeSpan.FromSeconds(60),
};

var login = await http.PostAsJsonAsync("/api/auth/login", new { email = settings.Email, password = settings.Password });
login.EnsureSuccessStatusCode();
var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var people = new List<Guid>();
for (var i = 0; i < settings.People; i++)
{
    var created = await http.PostAsJsonAsync("/api/people", new { name = $"Bench Writer {Guid.NewGuid():N}"[..24], kind = "patient" });
    created.EnsureSuccessStatusCode();
    people.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
}

if (settings.Warmup > 0)
{
    await RunAsync(TimeSpan.FromSeconds(settings.Warmup));
}

var result = await RunAsync(TimeSpan.FromSeconds(settings.Duration));
var latencies = result.Latencies.Order().ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT clients={settings.Clients} requests={latencies.Length} rps={latencies.Length / result.Elapsed.TotalSeconds:0.0} p50_ms={Percentile(50):0.00} p95_ms={Percentile(95):0.00} p99_ms={Percentile(99):0.00} max_ms={(latencies.Length == 0 ? 0 : latencies[^1]):0.00} non2xx={result.Failures}"));
return 0;

double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p / 100 * latencies.Length) - 1)];

async Task<(List<double> Latencies, int Failures, TimeSpan Elapsed)> RunAsync(TimeSpan length)
{
    var all = new List<double>();
    var failures = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(async client =>
    {
        var mine = new List<double>();
        var n = 0;
        while (clock.Elapsed < length)
        {
            var person = people[(client + (n++ * settings.Clients)) % people.Count];
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/api/cases", new { personId = person, type = "question", subject = $"Bench case {client}-{n}" });
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                mine.Add(ms);
            }
            else
            {
                Interlocked.Increment(ref failures);
            }
        }

        lock (all)
        {
            all.AddRange(mine);
        }
    }));
    return (all, failures, clock.Elapsed);
}

internal sealed record Args(string Url, string Email, string Password, int Clients, int Duration, int Warmup, int People)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Args(
            Get("url", "http://127.0.0.1:5096"),
            Get("email", "agent@demo.caredesk"),
            Get("password", "CareDesk-demo-1"),
            Int("clients", 8),
            Int("duration", 20),
            Int("warmup", 5),
            Int("people", 50));
    }
}
