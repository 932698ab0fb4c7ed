using System.Net;
using CareDesk.Features.Telephony;
using CareDesk.Relay.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using CallEvent = CareDesk.Relay.Tests.Infrastructure.CallEvent;

namespace CareDesk.Relay.Tests;

/// <summary>
/// The relay against the real CareDesk host (Kestrel, SQLite): stopped and restarted while events flow, answering 503
/// for a while, and the relay itself restarted. Every event must reach CareDesk exactly once, in order per call.
/// </summary>
public sealed class RelayDeliveryTests : IClassFixture<MigratedDatabase>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"caredesk-relay-{Guid.NewGuid():N}.db");
    private readonly string spoolDirectory = Path.Combine(Path.GetTempPath(), $"caredesk-relay-spool-{Guid.NewGuid():N}");
    private readonly WebhookRecorder recorder = new();

    public RelayDeliveryTests(MigratedDatabase database) => database.CopyTo(databaseFile);

    [Fact]
    public async Task Every_event_is_delivered_once_and_in_order_while_CareDesk_is_stopped_and_restarted()
    {
        var port = FreePort.Pick();
        var host = CareDeskHost.Start(port, databaseFile, recorder);
        try
        {
            await using var relay = await RelayUnderTest.StartAsync(host.BaseAddress, spoolDirectory);
            var events = CallEvent.ForCalls(20);
            var half = events.Count / 2;
            foreach (var calledEvent in events[..half])
            {
                await relay.SendAsync(calledEvent);
            }

            // CareDesk goes away while the first half is being delivered; the phone system goes on sending.
            await host.DisposeAsync();
            foreach (var calledEvent in events[half..])
            {
                await relay.SendAsync(calledEvent);
            }

            await relay.Log.WhenLoggedAsync("not accepting events").WaitAsync(Patience);
            Assert.True(relay.Spool.PendingCount > 0, "events wait in the spool while CareDesk is down");

            host = CareDeskHost.Start(port, databaseFile, recorder);
            await relay.DrainedAsync(Patience);

            await AssertDeliveredOnceInOrderAsync(host, relay, events);
            Assert.Equal(1, relay.Log.Count("not accepting events"));
            Assert.Equal(1, relay.Log.Count("accepts events again"));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_event_is_delivered_once_through_a_while_of_503s_retried_after_Retry_After_and_signed_afresh()
    {
        var host = CareDeskHost.Start(FreePort.Pick(), databaseFile, recorder);
        try
        {
            recorder.Unavailable = 1;
            await using var relay = await RelayUnderTest.StartAsync(host.BaseAddress, spoolDirectory);
            var events = CallEvent.ForCalls(6);
            var callId = events[0].CallId;
            // An event CareDesk refuses as invalid, between two good ones of the same call.
            var invalid = CallEvent.Of(callId, "bogus", 45);
            events.Insert(events.FindIndex(e => e.CallId == callId && e.Type == "answered") + 1, invalid);
            foreach (var calledEvent in events)
            {
                await relay.SendAsync(calledEvent);
            }

            // Two rounds of refusals for every call, so every call has waited out a Retry-After at least once.
            await recorder.RefusedAsync(12).WaitAsync(Patience);
            recorder.Unavailable = null;
            await relay.DrainedAsync(Patience);

            var valid = events.Where(e => e != invalid).ToList();
            await AssertDeliveredOnceInOrderAsync(host, relay, valid);
            var retried = recorder.Attempts.GroupBy(a => a.EventId).SelectMany(attempts => attempts.OrderBy(a => a.ArrivedAt).Zip(attempts.OrderBy(a => a.ArrivedAt).Skip(1))).ToList();
            Assert.NotEmpty(retried);
            foreach (var (refused, next) in retried)
            {
                Assert.Equal((int)HttpStatusCode.ServiceUnavailable, refused.Status);
                Assert.True(TimeProvider.System.GetElapsedTime(refused.ArrivedAt, next.ArrivedAt) >= TimeSpan.FromSeconds(0.99), "waited the Retry-After");
                Assert.True(next.SignedAt > refused.SignedAt, "each attempt is signed with a fresh timestamp");
            }

            var dead = Assert.Single(Directory.GetFiles(relay.Spool.DeadDirectory, "*.json"));
            Assert.Contains(invalid.EventId, await File.ReadAllTextAsync(dead), StringComparison.Ordinal);
            var reason = await File.ReadAllTextAsync(Path.ChangeExtension(dead, ".reason.txt"));
            Assert.StartsWith("HTTP 400", reason, StringComparison.Ordinal);
            Assert.Contains("type", reason, StringComparison.Ordinal);
            Assert.Equal(1, relay.Log.Count("not accepting events"));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Events_acknowledged_while_CareDesk_was_down_survive_a_restart_of_the_relay()
    {
        var port = FreePort.Pick();
        var events = CallEvent.ForCalls(5);
        await using (var relay = await RelayUnderTest.StartAsync(new Uri($"http://127.0.0.1:{port}"), spoolDirectory))
        {
            foreach (var calledEvent in events)
            {
                await relay.SendAsync(calledEvent);
            }

            Assert.Equal(events.Count, relay.Spool.PendingCount);
        }

        // A relay that died while writing an event it had not yet acknowledged leaves a partial file in incoming/.
        await File.WriteAllTextAsync(Path.Combine(spoolDirectory, "incoming", "torn.json"), "{\"eventId\":\"torn\",\"ca");

        var host = CareDeskHost.Start(port, databaseFile, recorder);
        try
        {
            await using var restarted = await RelayUnderTest.StartAsync(host.BaseAddress, spoolDirectory);
            await restarted.DrainedAsync(Patience);

            await AssertDeliveredOnceInOrderAsync(host, restarted, events);
            Assert.Empty(Directory.GetFiles(restarted.Spool.IncomingDirectory));
            Assert.DoesNotContain(recorder.Attempts, a => a.EventId == "torn");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(spoolDirectory))
        {
            Directory.Delete(spoolDirectory, recursive: true);
        }
    }

    private async Task AssertDeliveredOnceInOrderAsync(CareDeskHost host, RelayUnderTest relay, List<CallEvent> events)
    {
        var callIds = events.Select(e => e.CallId).Distinct().ToList();
        var eventIds = events.Select(e => e.EventId).ToList();

        var contacts = await host.WithDbAsync(db => db.Contacts.AsNoTracking()
            .Where(c => c.Source == RecordCallEvent.Source && callIds.Contains(c.ExternalId!)).ToListAsync());
        Assert.Equal(callIds.Count, contacts.Count);
        Assert.All(contacts, contact =>
        {
            Assert.NotNull(contact.RingingAt);
            Assert.NotNull(contact.AnsweredAt);
            Assert.NotNull(contact.EndedAt);
        });

        // Each event took effect once: one processed-event row per event id, and none missing.
        var processed = await host.WithDbAsync(db => db.ProcessedWebhookEvents.AsNoTracking()
            .Where(p => p.Source == RecordCallEvent.Source && eventIds.Contains(p.EventId)).Select(p => p.EventId).ToListAsync());
        Assert.Equal(eventIds.Order(StringComparer.Ordinal), processed.Order(StringComparer.Ordinal));

        var accepted = recorder.AcceptedOrderByCall();
        foreach (var call in events.GroupBy(e => e.CallId))
        {
            Assert.Equal(call.Select(e => e.EventId), accepted[call.Key]);
        }

        Assert.Equal(0, relay.Spool.PendingCount);
    }
}
