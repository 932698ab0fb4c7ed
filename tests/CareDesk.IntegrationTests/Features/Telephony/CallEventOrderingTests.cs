using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Features.Telephony;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Data;
using CareDesk.Platform.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Telephony;

/// <summary>The events of one call applied one at a time in timestamp order, the pop after the commit, one caller rule.</summary>
public sealed class CallEventOrderingTests(CallEventOrderingTests.PopCheckingFactory app) : IClassFixture<CallEventOrderingTests.PopCheckingFactory>
{
    /// <summary>The host with a clock of its own and a publisher that looks up each pop's contact when it is published.</summary>
    public sealed class PopCheckingFactory : CareDeskFactory
    {
        public PopCheckingFactory() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

        /// <summary>Each published pop and whether its contact could be read (committed) at that moment.</summary>
        public ConcurrentQueue<(ScreenPopRequest Pop, bool ContactExisted)> Pops { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IScreenPopPublisher>();
                services.AddSingleton<IScreenPopPublisher>(sp => new CheckingPublisher(sp, Pops));
            });
        }

        private sealed class CheckingPublisher(IServiceProvider services, ConcurrentQueue<(ScreenPopRequest, bool)> pops) : IScreenPopPublisher
        {
            public async Task PublishAsync(ScreenPopRequest pop, CancellationToken cancellationToken)
            {
                // Another connection, as the agent's desktop would read it.
                await using var scope = services.CreateAsyncScope();
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync(cancellationToken);
                pops.Enqueue((pop, await db.Contacts.AnyAsync(c => c.Id == pop.ContactId, cancellationToken)));
            }
        }
    }

    private DateTimeOffset Now => app.Clock!.GetUtcNow();

    [Fact]
    public async Task Fifty_distinct_events_of_one_call_at_once_are_all_accepted_into_one_contact()
    {
        var callId = NewId();
        var phone = TelephonyWebhookTests.NewPhone();
        var events = new List<string>
        {
            Event(callId, "ringing", phone, Now, agent: "agent@demo.caredesk"),
            Event(callId, "answered", phone, Now.AddSeconds(5), agent: "agent@demo.caredesk"),
        };
        for (var i = 0; i < 20; i++)
        {
            events.Add(Event(callId, "hold", phone, Now.AddSeconds(10 + (i * 20))));
            events.Add(Event(callId, "unhold", phone, Now.AddSeconds(10 + (i * 20) + 7)));
        }

        for (var i = 0; i < 7; i++)
        {
            events.Add(Event(callId, "transfer", phone, Now.AddSeconds(420 + i), transferTo: $"+86 10 8888 00{i:00}"));
        }

        events.Add(Event(callId, "ended", phone, Now.AddSeconds(600)));

        var responses = await Task.WhenAll(events.Select(PostSignedAsync));

        Assert.Equal(50, responses.Length);
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}"));
        var contacts = await app.WithDbAsync(db => db.Contacts.AsNoTracking().Include(c => c.Transfers)
            .Where(c => c.Source == RecordCallEvent.Source && c.ExternalId == callId).ToListAsync());
        var contact = Assert.Single(contacts);
        Assert.Equal((140, 20), (contact.HoldSeconds, contact.HoldCount));
        Assert.Null(contact.HoldStartedAt);
        Assert.Equal(7, contact.Transfers.Count);
        Assert.Equal((Now, Now.AddSeconds(5), Now.AddSeconds(600)), (contact.RingingAt, contact.AnsweredAt, contact.EndedAt));
        Assert.Equal(50, await app.WithDbAsync(db => db.Set<CallEvent>().CountAsync(e => e.ContactId == contact.Id)));
    }

    [Fact]
    public async Task An_unhold_that_arrives_before_its_hold_keeps_the_hold_time()
    {
        var callId = NewId();
        var phone = TelephonyWebhookTests.NewPhone();

        await PostSignedAsync(Event(callId, "unhold", phone, Now.AddSeconds(20)));
        await PostSignedAsync(Event(callId, "hold", phone, Now.AddSeconds(5)));
        await PostSignedAsync(Event(callId, "ended", phone, Now.AddSeconds(60)));

        var contact = await ContactAsync(callId);
        Assert.Equal((15, 1), (contact.HoldSeconds, contact.HoldCount));
        Assert.Null(contact.HoldStartedAt);
    }

    [Fact]
    public async Task A_hold_still_open_when_the_call_ends_out_of_order_is_closed_by_the_end()
    {
        var callId = NewId();
        var phone = TelephonyWebhookTests.NewPhone();

        await PostSignedAsync(Event(callId, "ended", phone, Now.AddSeconds(90)));
        await PostSignedAsync(Event(callId, "hold", phone, Now.AddSeconds(30)));

        Assert.Equal((60, 1), ((await ContactAsync(callId)).HoldSeconds, (await ContactAsync(callId)).HoldCount));
    }

    [Fact]
    public async Task The_agent_of_the_latest_transfer_keeps_the_call_whatever_order_the_events_arrive_in()
    {
        var callId = NewId();
        var phone = TelephonyWebhookTests.NewPhone();

        await PostSignedAsync(Event(callId, "transfer", phone, Now.AddSeconds(60), agent: "agent@demo.caredesk", transferTo: "expert@demo.caredesk"));
        await PostSignedAsync(Event(callId, "answered", phone, Now.AddSeconds(5), agent: "agent@demo.caredesk"));

        var expert = await app.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == "EXPERT@DEMO.CAREDESK").Select(u => u.Id).SingleAsync());
        Assert.Equal(expert, (await ContactAsync(callId)).AgentUserId);
    }

    [Fact]
    public async Task A_screen_pop_is_published_only_once_its_contact_is_saved()
    {
        var callId = NewId();

        var response = await PostSignedAsync(Event(callId, "ringing", TelephonyWebhookTests.NewPhone(), Now, agent: "agent@demo.caredesk"));

        var contactId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactId").GetGuid();
        var (pop, existed) = Assert.Single(app.Pops, p => p.Pop.CallId == callId);
        Assert.Equal(contactId, pop.ContactId);
        Assert.True(existed, "the pop named a contact that was not yet saved");
    }

    [Fact]
    public async Task Answered_and_ended_move_the_state_of_the_card_already_popped_and_pop_nothing_new()
    {
        var callId = NewId();
        var phone = TelephonyWebhookTests.NewPhone();

        await PostSignedAsync(Event(callId, "ringing", phone, Now, agent: "agent@demo.caredesk"));
        await PostSignedAsync(Event(callId, "answered", phone, Now.AddSeconds(5), agent: "agent@demo.caredesk"));
        await PostSignedAsync(Event(callId, "ended", phone, Now.AddSeconds(90)));

        var pops = app.Pops.Where(p => p.Pop.CallId == callId).Select(p => (p.Pop.State, p.Pop.StateOnly)).ToList();
        Assert.Equal([(CallState.Ringing, false), (CallState.Answered, true), (CallState.Ended, true)], pops);
    }

    [Fact]
    public async Task A_ringing_that_arrives_after_the_answer_pops_the_call_as_answered()
    {
        var callId = NewId();
        var phone = TelephonyWebhookTests.NewPhone();

        await PostSignedAsync(Event(callId, "answered", phone, Now.AddSeconds(5), agent: "agent@demo.caredesk"));
        await PostSignedAsync(Event(callId, "ringing", phone, Now, agent: "agent@demo.caredesk"));

        var popped = Assert.Single(app.Pops, p => p.Pop.CallId == callId && !p.Pop.StateOnly).Pop;
        Assert.Equal(CallState.Answered, popped.State);
    }

    [Fact]
    public async Task A_call_from_a_caregivers_number_is_linked_to_the_caregiver_and_the_lookup_also_finds_the_patient()
    {
        var phone = TelephonyWebhookTests.NewPhone();
        var (caregiver, patient) = await SeedCaregiverAsync(phone);
        var callId = NewId();

        var response = await PostSignedAsync(Event(callId, "ringing", phone, Now, agent: "agent@demo.caredesk"));

        Assert.Equal(caregiver, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personId").GetGuid());
        Assert.Equal(caregiver, (await ContactAsync(callId)).PersonId);
        var agent = await app.CreateClientForRoleAsync("agent");
        var matches = await (await agent.GetAsync($"/api/people/lookup?phone={Uri.EscapeDataString(phone)}")).ReadAsync<List<LookupCallers.Match>>();
        Assert.Equal([(caregiver, LookupCallers.Self), (patient, LookupCallers.Caregiver)], matches.Select(m => (m.PersonId, m.MatchedVia)));
    }

    private async Task<(Guid Caregiver, Guid Patient)> SeedCaregiverAsync(string phone) =>
        await app.WithDbAsync(async db =>
        {
            var caregiver = new Person { DisplayName = "王丽", CreatedAt = Now, UpdatedAt = Now };
            caregiver.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = phone, LastDigits = phone[^4..] });
            var patient = new Person { DisplayName = "王建国", CreatedAt = Now, UpdatedAt = Now };
            db.People.AddRange(caregiver, patient);
            db.Relationships.Add(new Relationship { FromPersonId = caregiver.Id, ToPersonId = patient.Id, Kind = RelationshipKind.CaregiverOf });
            await db.SaveChangesAsync();
            return (caregiver.Id, patient.Id);
        });

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static string Event(string callId, string type, string from, DateTimeOffset at, string? agent = null, string? transferTo = null) =>
        JsonSerializer.Serialize(new { eventId = NewId(), callId, type, from, to = "+864008001234", agent, at, transferTo });

    private async Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(WebhookSignature.Compute(TelephonyOptions.DemoWebhookSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telephony/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return await app.CreateClient().SendAsync(request);
    }

    private Task<Contact> ContactAsync(string callId) =>
        app.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Source == RecordCallEvent.Source && c.ExternalId == callId));
}
