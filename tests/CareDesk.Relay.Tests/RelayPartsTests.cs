using System.Net;
using System.Text;
using CareDesk.Platform.Webhooks;
using CareDesk.Relay.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CallEvent = CareDesk.Relay.Tests.Infrastructure.CallEvent;

namespace CareDesk.Relay.Tests;

public sealed class RelayPartsTests
{
    [Fact]
    public void The_relay_signs_as_CareDesk_checks()
    {
        var body = Encoding.UTF8.GetBytes("{\"eventId\":\"e-1\",\"callId\":\"c-1\",\"type\":\"ringing\"}");

        Assert.Equal(
            WebhookSignature.Compute(CareDeskHost.Secret, "1764061200", body),
            CareDeskWebhook.Sign(CareDeskHost.Secret, "1764061200", body));
    }

    [Theory]
    [InlineData("https://caredesk.example.com", "https://caredesk.example.com/api/telephony/events")]
    [InlineData("https://example.com/caredesk/", "https://example.com/caredesk/api/telephony/events")]
    [InlineData("http://10.0.0.5:5080/caredesk", "http://10.0.0.5:5080/caredesk/api/telephony/events")]
    public void Events_go_to_the_webhook_below_the_configured_address(string careDesk, string webhook) =>
        Assert.Equal(new Uri(webhook), new RelayOptions { CareDeskUrl = new Uri(careDesk) }.WebhookUrl);

    [Fact]
    public void The_backoff_doubles_up_to_its_cap_with_jitter()
    {
        var backoff = new Backoff(Options.Create(new RelayOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(60) }));

        for (var round = 0; round < 50; round++)
        {
            Assert.InRange(backoff.Next(1, null), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
            Assert.InRange(backoff.Next(4, null), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
            Assert.InRange(backoff.Next(40, null), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        }

        Assert.NotEqual(1, Enumerable.Range(0, 20).Select(_ => backoff.Next(3, null)).Distinct().Count());
    }

    [Fact]
    public void Retry_After_wins_over_the_backoff_up_to_its_cap()
    {
        var backoff = new Backoff(Options.Create(new RelayOptions { MaxRetryAfter = TimeSpan.FromMinutes(5) }));

        Assert.Equal(TimeSpan.FromSeconds(7), backoff.Next(1, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.Next(1, TimeSpan.FromHours(3)));
        Assert.Equal(TimeSpan.Zero, backoff.Next(1, TimeSpan.FromSeconds(-3)));
    }

    [Fact]
    public void An_outage_is_one_line_however_many_attempts_fail_and_a_late_answer_from_before_it_changes_nothing()
    {
        var log = new CapturedLog();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(log));
        var outage = new OutageLog(TimeProvider.System, loggers.CreateLogger<OutageLog>());

        var inFlightBefore = outage.Attempting();
        for (var i = 0; i < 100; i++)
        {
            outage.AttemptFailed(outage.Attempting(), "HTTP 503");
        }

        outage.Accepted(inFlightBefore); // started before CareDesk went down: says nothing about now
        Assert.True(outage.InOutage);
        var recovered = outage.Attempting();
        var staleFailure = recovered - 1;
        outage.Accepted(recovered);
        outage.AttemptFailed(staleFailure, "no connection"); // answered late, from before the recovery

        Assert.False(outage.InOutage);
        Assert.Equal(1, log.Count("not accepting events (HTTP 503)"));
        Assert.Equal(1, log.Count("accepts events again"));
        Assert.Contains(log.Lines, line => line.Message.Contains("100 attempts failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_event_that_names_no_call_is_refused_at_the_door_and_not_spooled()
    {
        var spool = Path.Combine(Path.GetTempPath(), $"caredesk-relay-spool-{Guid.NewGuid():N}");
        try
        {
            await using var relay = await RelayUnderTest.StartAsync(new Uri($"http://127.0.0.1:{FreePort.Pick()}"), spool);

            var noCall = await relay.PostAsync(new { eventId = "e-1", type = "ringing" });
            var notAnObject = await relay.PostAsync(new[] { 1, 2 });

            Assert.Equal(HttpStatusCode.BadRequest, noCall.StatusCode);
            Assert.Contains("\"callId\"", await noCall.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
            Assert.Contains("\"body\"", await notAnObject.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, relay.Spool.PendingCount);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    [Fact]
    public async Task With_an_input_token_an_event_without_it_is_refused_and_not_spooled()
    {
        var spool = Path.Combine(Path.GetTempPath(), $"caredesk-relay-spool-{Guid.NewGuid():N}");
        try
        {
            await using var relay = await RelayUnderTest.StartAsync(
                new Uri($"http://127.0.0.1:{FreePort.Pick()}"), spool, settings: "--Relay:InputToken=s3cret-token");
            var calledEvent = CallEvent.Of("call-token", "ringing", 0);

            var without = await relay.PostAsync(calledEvent.Body);
            var wrong = await relay.PostAsync(calledEvent.Body, bearer: "s3cret-tokeN");
            Assert.Equal(0, relay.Spool.PendingCount);
            var right = await relay.PostAsync(calledEvent.Body, bearer: "s3cret-token");

            Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
            Assert.Equal(1, relay.Spool.PendingCount);
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }
}
