using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareDesk.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>A pager gateway on loopback that records what it receives.</summary>
public sealed class PagerHost : CareDeskFactory
{
    public const string Secret = "pager-test-secret";

    private readonly HttpListener listener = new();

    public PagerHost()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = ReceiveAsync();
    }

    public int Port { get; }

    public List<(string? Timestamp, string? Signature, string Body)> Pages { get; } = [];

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Escalation:PagingWebhookUrl"] = $"http://127.0.0.1:{Port}/page",
        ["Escalation:PagingWebhookSecret"] = Secret,
    };

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Pages)
            {
                Pages.Add((context.Request.Headers["X-CareDesk-Timestamp"], context.Request.Headers["X-CareDesk-Signature"], body));
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    protected override void Dispose(bool disposing)
    {
        listener.Close();
        base.Dispose(disposing);
    }
}

public sealed class PagingWebhookTests(PagerHost app) : IClassFixture<PagerHost>
{
    [Fact]
    public async Task The_on_duty_expert_is_paged_with_a_signed_request_the_gateway_can_verify()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var expertId = await (await app.CreateClientForRoleAsync(Roles.Expert)).MyIdAsync();
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", subject = "Pump alarm" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

        // Demo mode puts the demo expert on call this week.
        var escalated = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "No delivery alarm." }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

        (string? Timestamp, string? Signature, string Body) page = default;
        await Eventually.HoldsAsync(() =>
        {
            lock (app.Pages)
            {
                page = app.Pages.FirstOrDefault(p => p.Body.Contains(escalated.Escalations[0].Id.ToString(), StringComparison.Ordinal));
            }

            return Task.FromResult(page.Body is not null);
        }, TimeSpan.FromSeconds(20), "the page reached the gateway");

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(PagerHost.Secret), Encoding.UTF8.GetBytes($"{page.Timestamp}.{page.Body}")));
        Assert.Equal(expected, page.Signature);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        Assert.InRange(long.Parse(page.Timestamp!, CultureInfo.InvariantCulture), now - 60, now);
        using var json = JsonDocument.Parse(page.Body!);
        Assert.Equal("alert", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(opened.Number, json.RootElement.GetProperty("caseNumber").GetString());
        Assert.Equal(expertId, json.RootElement.GetProperty("recipient").GetProperty("userId").GetString());
        Assert.Equal("expert@demo.caredesk", json.RootElement.GetProperty("recipient").GetProperty("email").GetString());
        await Eventually.HoldsAsync(
            () => app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Type == EscalationAlerts.PagingMessageType && m.DeliveredAt != null && m.Payload.Contains(expertId))),
            TimeSpan.FromSeconds(10), "the outbox marked the page delivered");
    }
}
