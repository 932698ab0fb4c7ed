using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.NothingLost;
using CareDesk.Features.Staff;
using CareDesk.Features.Telephony;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Live;
using CareDesk.Platform.Webhooks;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// F37: a live push published on one app node reaches its user's desktops on every node, each desktop once, through
/// PostgreSQL LISTEN/NOTIFY. A "desktop" here is a subscription on a node's hub, as a circuit's component makes one.
/// </summary>
public sealed class LiveBackplaneTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2031, 5, 6, 9, 0, 0, TimeSpan.Zero));

    [PostgreSqlFact]
    public async Task A_signed_ringing_webhook_received_by_node_A_pops_on_the_agents_desktop_on_node_B_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var nodeA = await StartAsync(database);
        await using var nodeB = await StartAsync(database);
        await ListeningAsync(database, 2);
        var agent = await UserIdAsync(nodeA, Roles.Agent);
        using var onB = new Desktop<ScreenPopRequest>(nodeB.Services.GetRequiredService<ScreenPopHub>(), agent);
        using var onA = new Desktop<ScreenPopRequest>(nodeA.Services.GetRequiredService<ScreenPopHub>(), agent);
        var callId = Guid.NewGuid().ToString("N");
        var phone = TestValues.E164Mobile();

        var response = await PostSignedAsync(nodeA, callId, phone, UserSeeder.DemoEmail(Roles.Agent));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await onB.WaitForAsync(pop => pop.CallId == callId, "the pop reaches the agent's desktop on node B");
        await SettleAsync(nodeA, nodeB);
        var popped = Assert.Single(onB.Seen, pop => pop.CallId == callId);
        Assert.Equal<(string, string?, CallState, bool)>((agent, phone, CallState.Ringing, false), (popped.AgentUserId, popped.FromE164, popped.State, popped.StateOnly));
        Assert.Single(onA.Seen, pop => pop.CallId == callId);
    }

    [PostgreSqlFact]
    public async Task An_escalation_started_on_node_A_alerts_the_experts_desktop_on_node_B_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var nodeA = await StartAsync(database);
        await using var nodeB = await StartAsync(database);
        await ListeningAsync(database, 2);
        // The demo roster puts the expert on call first.
        var expert = await UserIdAsync(nodeA, Roles.Expert);
        using var onB = new Desktop<EscalationAlert>(nodeB.Services.GetRequiredService<EscalationAlertHub>(), expert);
        using var onA = new Desktop<EscalationAlert>(nodeA.Services.GetRequiredService<EscalationAlertHub>(), expert);

        var caseId = await EscalateAsync(nodeA);

        await onB.WaitForAsync(alert => alert.CaseId == caseId, "the alert reaches the expert's desktop on node B");
        await SettleAsync(nodeA, nodeB);
        var alerted = Assert.Single(onB.Seen, alert => alert.CaseId == caseId);
        Assert.Equal(("alert", "Pump occlusion alarm", 0), (alerted.Kind, alerted.Subject, alerted.Level));
        Assert.NotNull(alerted.AcknowledgeBy);
        Assert.Single(onA.Seen, alert => alert.CaseId == caseId);
    }

    [PostgreSqlFact]
    public async Task A_push_reaches_each_desktop_once_whichever_node_published_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var nodeA = await StartAsync(database);
        await using var nodeB = await StartAsync(database);
        await ListeningAsync(database, 2);
        var user = Guid.NewGuid().ToString();
        var (hubA, hubB) = (nodeA.Services.GetRequiredService<PresenceHub>(), nodeB.Services.GetRequiredService<PresenceHub>());
        using var onA = new Desktop<PresenceChanged>(hubA, user);
        using var onB = new Desktop<PresenceChanged>(hubB, user);
        using var alsoOnB = new Desktop<PresenceChanged>(hubB, user);

        hubA.Publish(user, new PresenceChanged(user, "王芳", "busy"));
        hubB.Publish(user, new PresenceChanged(user, "王芳", "away"));
        // The same push twice: PostgreSQL folds identical notices of one transaction, the desktops must not.
        hubA.Publish(user, new PresenceChanged(user, "王芳", "lunch"));
        hubA.Publish(user, new PresenceChanged(user, "王芳", "lunch"));

        foreach (var desktop in new[] { onA, onB, alsoOnB })
        {
            await desktop.WaitForAsync(p => p.Presence == "away", "the push from node B");
            await desktop.WaitForAsync(p => p.Presence == "busy", "the push from node A");
        }

        await SettleAsync(nodeA, nodeB);
        foreach (var desktop in new[] { onA, onB, alsoOnB })
        {
            Assert.Equal(["away", "busy", "lunch", "lunch"], desktop.Seen.Select(p => p.Presence).Order(StringComparer.Ordinal));
        }
    }

    [PostgreSqlFact]
    public async Task A_node_whose_listening_connection_was_killed_listens_again_and_receives_the_next_push()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var nodeA = await StartAsync(database);
        await using var nodeB = await StartAsync(database);
        var before = await ListeningAsync(database, 2);
        var user = Guid.NewGuid().ToString();
        using var onB = new Desktop<FindingsChanged>(nodeB.Services.GetRequiredService<FindingsHub>(), user);

        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM unnest(@pids) AS pid", admin);
            terminate.Parameters.AddWithValue("pids", before.ToArray());
            Assert.Equal(2L, await terminate.ExecuteScalarAsync());
        }

        // pg_terminate_backend only signals: the old backends may still be listed for a moment, so wait for new ones.
        var after = await ListeningAsync(database, 2, except: before);
        Assert.Empty(after.Intersect(before));
        nodeA.Services.GetRequiredService<FindingsHub>().Publish(user, new FindingsChanged(3, 1));

        await onB.WaitForAsync(f => f.Raised == 3 && f.Resolved == 1, "the push after the reconnection reaches node B");
    }

    [PostgreSqlFact]
    public async Task A_push_too_large_for_a_notice_is_shown_on_its_own_node_only_and_the_next_one_travels()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var nodeA = await StartAsync(database);
        await using var nodeB = await StartAsync(database);
        await ListeningAsync(database, 2);
        var user = Guid.NewGuid().ToString();
        var hubA = nodeA.Services.GetRequiredService<PresenceHub>();
        using var onA = new Desktop<PresenceChanged>(hubA, user);
        using var onB = new Desktop<PresenceChanged>(nodeB.Services.GetRequiredService<PresenceHub>(), user);

        // 2,700 Chinese characters are 8,100 bytes of UTF-8: over PostgreSQL's 8,000.
        hubA.Publish(user, new PresenceChanged(user, new string('王', 2700), "busy"));
        hubA.Publish(user, new PresenceChanged(user, "王芳", "away"));

        await onB.WaitForAsync(p => p.Presence == "away", "the push after the large one reaches node B");
        Assert.DoesNotContain(onB.Seen, p => p.Presence == "busy");
        Assert.Single(onA.Seen, p => p.Presence == "busy");
    }

    [Fact]
    public async Task Every_live_channel_of_the_host_is_registered_with_the_backplane_of_its_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await StartAsync(database);
        var backplane = node.Services.GetRequiredService<ILiveBackplane>();
        var registered = node.Services.GetServices<ILiveChannel>().ToList();
        var hubs = typeof(ILiveChannel).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && BaseTypes(t).Any(b => b.IsGenericType && b.GetGenericTypeDefinition() == typeof(UserChannel<>)))
            .ToList();

        Assert.Contains(typeof(ScreenPopHub), hubs);
        Assert.Equal(database.Provider == DatabaseProvider.PostgreSql ? "PostgreSqlLiveBackplane" : nameof(InProcessLiveBackplane), backplane.GetType().Name);
        foreach (var hub in hubs)
        {
            var channel = (ILiveChannel)node.Services.GetRequiredService(hub);
            Assert.Contains(channel, registered);
            Assert.Same(backplane, channel.Backplane);
        }

        Assert.Equal(hubs.Count, registered.Select(c => c.Name).Distinct().Count());
    }

    private async Task<LiveNode> StartAsync(TestDatabase database)
    {
        var node = new LiveNode { ExistingDatabase = database, Clock = clock, OwnedByOneTest = true };
        await node.InitializeAsync();
        return node;
    }

    /// <summary>
    /// Waits until every node's listener has run its LISTEN (its backend idle after it): a NOTIFY before that would not
    /// reach it. Returns the listeners' backend process ids, leaving out <paramref name="except"/> (terminated ones).
    /// </summary>
    private static async Task<List<int>> ListeningAsync(TestDatabase database, int nodes, IReadOnlyCollection<int>? except = null)
    {
        var pids = new List<int>();
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync();
                await using var query = new NpgsqlCommand(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name AND state = 'idle' AND query LIKE 'LISTEN%'",
                    connection);
                query.Parameters.AddWithValue("name", PostgreSqlLiveListener.ApplicationName);
                pids.Clear();
                await using var reader = await query.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var pid = reader.GetInt32(0);
                    if (except is null || !except.Contains(pid))
                    {
                        pids.Add(pid);
                    }
                }

                return pids.Count == nodes;
            },
            Patience,
            $"{nodes} nodes listen for live pushes");
        return pids;
    }

    /// <summary>
    /// Returns once each node has handled every notice sent before this call, its own included: a marker from B reaches
    /// A after everything committed before it, then one from A reaches B. A second delivery would be seen by then.
    /// </summary>
    private static async Task SettleAsync(LiveNode nodeA, LiveNode nodeB)
    {
        var marker = Guid.NewGuid().ToString();
        var (hubA, hubB) = (nodeA.Services.GetRequiredService<ScreenPopHub>(), nodeB.Services.GetRequiredService<ScreenPopHub>());
        using var onA = new Desktop<ScreenPopRequest>(hubA, marker);
        using var onB = new Desktop<ScreenPopRequest>(hubB, marker);
        hubB.Publish(marker, new ScreenPopRequest(marker, Guid.NewGuid(), "from-b", null, null, DateTimeOffset.UnixEpoch));
        await onA.WaitForAsync(pop => pop.CallId == "from-b", "node A heard node B's marker");
        hubA.Publish(marker, new ScreenPopRequest(marker, Guid.NewGuid(), "from-a", null, null, DateTimeOffset.UnixEpoch));
        await onB.WaitForAsync(pop => pop.CallId == "from-a", "node B heard node A's marker");
    }

    private async Task<HttpResponseMessage> PostSignedAsync(LiveNode node, string callId, string phone, string agent)
    {
        var body = JsonSerializer.Serialize(new
        {
            eventId = Guid.NewGuid().ToString("N"),
            callId,
            type = "ringing",
            from = phone,
            to = "+864008001234",
            agent,
            at = clock.GetUtcNow(),
        });
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telephony/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader,
            "sha256=" + Convert.ToHexStringLower(WebhookSignature.Compute(TelephonyOptions.DemoWebhookSecret, timestamp, Encoding.UTF8.GetBytes(body))));
        return await node.CreateClient().SendAsync(request);
    }

    private static async Task<Guid> EscalateAsync(LiveNode node)
    {
        var agent = await node.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王芳"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", priority = "urgent", subject = "Pump occlusion alarm" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Occlusion alarm at night." })).EnsureSuccessStatusCode();
        return opened.Id;
    }

    private static Task<string> UserIdAsync(LiveNode node, string role)
    {
        var email = UserSeeder.DemoEmail(role).ToUpperInvariant();
        return node.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync());
    }

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    /// <summary>One app node of a test: the test's database and clock.</summary>
    public sealed class LiveNode : CareDeskFactory;

    /// <summary>An open desktop of one user on one node: what its subscription was handed, in order.</summary>
    private sealed class Desktop<T> : IDisposable
    {
        private readonly ConcurrentQueue<T> seen = new();
        private readonly IDisposable subscription;

        public Desktop(UserChannel<T> hub, string userId) => subscription = hub.Subscribe(userId, message =>
        {
            seen.Enqueue(message);
            return Task.CompletedTask;
        });

        public IReadOnlyList<T> Seen => [.. seen];

        public Task WaitForAsync(Func<T, bool> arrived, string what) =>
            Eventually.HoldsAsync(() => Task.FromResult(seen.Any(arrived)), Patience, what);

        public void Dispose() => subscription.Dispose();
    }
}
