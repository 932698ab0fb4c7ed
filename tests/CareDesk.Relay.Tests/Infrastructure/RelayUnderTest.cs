using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareDesk.Relay.Tests.Infrastructure;

/// <summary>
/// The relay as it runs in production (its own input endpoint on a free loopback port, its spool on disk), with short
/// backoffs so a test's outage lasts seconds, and its log captured.
/// </summary>
public sealed class RelayUnderTest : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient input;

    private RelayUnderTest(WebApplication app, CapturedLog log)
    {
        this.app = app;
        Log = log;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        input = new HttpClient { BaseAddress = new Uri(address) };
    }

    public CapturedLog Log { get; }

    public Spool Spool => app.Services.GetRequiredService<Spool>();

    public static async Task<RelayUnderTest> StartAsync(Uri careDesk, string spoolDirectory, CapturedLog? log = null, params string[] settings)
    {
        log ??= new CapturedLog();
        var app = RelayApp.Create(
            [
                $"--Relay:CareDeskUrl={careDesk}",
                $"--Relay:Secret={CareDeskHost.Secret}",
                $"--Relay:SpoolDirectory={spoolDirectory}",
                "--Relay:Listen=http://127.0.0.1:0",
                "--Relay:InitialBackoff=00:00:00.050",
                "--Relay:MaxBackoff=00:00:00.400",
                "--Relay:RequestTimeout=00:00:05",
                .. settings,
            ],
            builder => builder.Logging.AddProvider(log));
        await app.StartAsync();
        return new RelayUnderTest(app, log);
    }

    /// <summary>What a dialplan or ARI script does: posts one unsigned event; 202 means it is on disk.</summary>
    public async Task<HttpResponseMessage> PostAsync(object calledEvent, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events")
        {
            Content = new StringContent(JsonSerializer.Serialize(calledEvent), System.Text.Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await input.SendAsync(request);
    }

    public async Task SendAsync(CallEvent calledEvent)
    {
        var response = await PostAsync(calledEvent.Body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Waits until every spooled event is delivered or dead-lettered (bounded, so a stuck relay fails the test).</summary>
    public async Task DrainedAsync(TimeSpan timeout) =>
        await app.Services.GetRequiredService<Deliveries>().WhenIdleAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        input.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One telephony event as the phone system reports it to the relay.</summary>
public sealed record CallEvent(string EventId, string CallId, string Type, object Body)
{
    public static CallEvent Of(string callId, string type, int second, string? extra = null)
    {
        var eventId = $"{callId}-{type}-{Guid.NewGuid():N}";
        var at = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(8)).AddSeconds(second).ToString("O", CultureInfo.InvariantCulture);
        return new CallEvent(eventId, callId, type, new
        {
            eventId,
            callId,
            type,
            from = "+86 138 0013 8000",
            to = "4008001234",
            agent = "agent@demo.caredesk",
            at,
            transferTo = extra,
        });
    }

    /// <summary>Ringing, answered and ended for each of <paramref name="calls"/> new calls, interleaved as a busy line would send them.</summary>
    public static List<CallEvent> ForCalls(int calls)
    {
        var ids = Enumerable.Range(0, calls).Select(_ => "relay-" + Guid.NewGuid().ToString("N")).ToList();
        return [.. new[] { "ringing", "answered", "ended" }.SelectMany((type, step) => ids.Select(id => Of(id, type, step * 30)))];
    }
}
