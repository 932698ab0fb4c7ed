using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CareDesk.Features.Telephony;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// The database goes away under a running host: the API and the phone system's webhook answer 503 with Retry-After,
/// the log says so once per outage, and the host serves again as soon as the database is back (no restart).
/// PostgreSQL is reached through a TCP relay the test closes (connections refused); SQLite's file is moved away
/// (opened read-write without create, it cannot be opened).
/// </summary>
[Collection(SerilogCaptureCollection.Name)]
public sealed class DatabaseOutageTests(DatabaseOutageTests.OutageFactory app) : IClassFixture<DatabaseOutageTests.OutageFactory>
{
    public sealed class OutageFactory : CareDeskFactory
    {
        private TcpRelay? relay;

        public ConcurrentQueue<LogEvent> Logged { get; } = new();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            // Quartz's cluster check-in keeps its own log while the database is away; it is not a request.
            ["Scheduling:Enabled"] = "false",
        };

        public override async Task InitializeAsync()
        {
            if (TestDatabase.ConfiguredProvider == DatabaseProvider.PostgreSql)
            {
                var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("CAREDESK_TEST_PG"));
                relay = new TcpRelay(server.Host!, server.Port);
            }

            await base.InitializeAsync();
        }

        public void StopDatabase()
        {
            if (relay is not null)
            {
                relay.Stop();
                return;
            }

            var file = SqliteFile;
            File.Move(file, file + ".away");

            // A pooled connection opened before the move keeps its handle on the moved file: reads on it still
            // succeed (writes fail, "database moved"), so a background read such as the audit sealer's would end the
            // outage between two refused requests. Closed now, every connection has to open the missing file.
            SqliteConnection.ClearAllPools();
        }

        public void StartDatabase()
        {
            if (relay is not null)
            {
                relay.Start();
                return;
            }

            var file = SqliteFile;
            File.Move(file + ".away", file);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            relay?.Dispose();
        }

        private string SqliteFile => new SqliteConnectionStringBuilder(Database.ConnectionString).DataSource;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (relay is null)
            {
                // Never create the file: a file that went away must stay away (SQLite would make an empty one).
                if (!File.Exists(SqliteFile))
                {
                    File.WriteAllBytes(SqliteFile, []);
                }

                builder.UseSetting("Database:ConnectionString", Database.ConnectionString + ";Mode=ReadWrite");
            }
            else
            {
                var viaRelay = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port };
                builder.UseSetting("Database:ConnectionString", viaRelay.ConnectionString);
            }

            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(new Capture(Logged)));
        }

        private sealed class Capture(ConcurrentQueue<LogEvent> logged) : ILogEventSink
        {
            public void Emit(LogEvent logEvent) => logged.Enqueue(logEvent);
        }
    }

    [Fact]
    public async Task While_the_database_is_down_the_api_and_the_webhook_answer_503_with_retry_after_and_the_log_has_one_line_per_outage()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/people?q=王")).StatusCode);

        for (var outage = 1; outage <= 2; outage++)
        {
            // The sealer's pass woken by the last commit finishes first (it holds the pass while it runs).
            await app.Services.GetRequiredService<AuditSealer>().SealAllAsync(CancellationToken.None);
            app.Logged.Clear();
            app.StopDatabase();
            try
            {
                var answers = new List<HttpResponseMessage>();
                for (var i = 0; i < 10; i++)
                {
                    answers.Add(await agent.GetAsync("/api/people?q=王"));
                    answers.Add(await agent.GetAsync("/api/contacts"));
                    answers.Add(await PostCallEventAsync());
                }

                foreach (var answer in answers)
                {
                    var problem = await answer.ProblemAsync(HttpStatusCode.ServiceUnavailable);
                    Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
                    Assert.False(string.IsNullOrWhiteSpace(problem.Title));
                }
            }
            finally
            {
                app.StartDatabase();
            }

            // One line per outage: the requests' tracker says it once; a component with a connection of its own (on
            // PostgreSQL the user-change listener) may say it once too. No stack traces, no line per request.
            var warnings = app.Logged.Where(e => e.Level >= LogEventLevel.Warning).ToList();
            static object? Source(LogEvent e) => ((ScalarValue)e.Properties["SourceContext"]).Value;
            Assert.All(warnings, w => Assert.Null(w.Exception));
            Assert.Single(warnings, w => Equals(Source(w), typeof(DatabaseOutage).FullName));
            Assert.Equal(warnings.Count, warnings.Select(Source).Distinct().Count());

            // Back without a restart; the recovery is one more (information) line.
            Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/people?q=王")).StatusCode);
            Assert.Single(app.Logged, e => e.MessageTemplate.Text.StartsWith("Database reachable again", StringComparison.Ordinal));
        }
    }

    private async Task<HttpResponseMessage> PostCallEventAsync()
    {
        var body = JsonSerializer.Serialize(new
        {
            eventId = Guid.NewGuid().ToString("N"),
            callId = Guid.NewGuid().ToString("N"),
            type = "ringing",
            from = "+8613900001111",
            at = TimeProvider.System.GetUtcNow(),
        });
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(WebhookSignature.Compute(TelephonyOptions.DemoWebhookSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telephony/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return await app.CreateClient().SendAsync(request);
    }

    /// <summary>
    /// Forwards TCP connections from a local port to the database server. Stopped, its port refuses connections and
    /// the connections it carried are cut, as when the server goes down; started again on the same port.
    /// </summary>
    private sealed class TcpRelay : IDisposable
    {
        private readonly string targetHost;
        private readonly int targetPort;
        private readonly ConcurrentDictionary<TcpClient, byte> carried = new();
        private TcpListener? listener;

        public TcpRelay(string targetHost, int targetPort)
        {
            this.targetHost = targetHost;
            this.targetPort = targetPort;
            Start();
        }

        public int Port { get; private set; }

        public void Start()
        {
            var next = new TcpListener(IPAddress.Loopback, Port);
            next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            next.Start();
            Port = ((IPEndPoint)next.LocalEndpoint).Port;
            listener = next;
            _ = AcceptAsync(next);
        }

        public void Stop()
        {
            listener?.Stop();
            listener = null;
            foreach (var client in carried.Keys)
            {
                // A reset, as from a server that went away (not a polite close).
                if (client.Client is { Connected: true } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }

                client.Dispose();
            }

            carried.Clear();
        }

        public void Dispose() => Stop();

        private async Task AcceptAsync(TcpListener from)
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await from.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = RelayAsync(client);
            }
        }

        private async Task RelayAsync(TcpClient client)
        {
            var server = new TcpClient();
            carried[client] = 0;
            carried[server] = 0;
            try
            {
                await server.ConnectAsync(targetHost, targetPort);
                await Task.WhenAny(
                    client.GetStream().CopyToAsync(server.GetStream()),
                    server.GetStream().CopyToAsync(client.GetStream()));
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Cut by Stop, or by either end.
            }
            finally
            {
                carried.TryRemove(client, out _);
                carried.TryRemove(server, out _);
                client.Dispose();
                server.Dispose();
            }
        }
    }
}
