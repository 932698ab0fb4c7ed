using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Features.Telephony;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Webhooks;
using CareDesk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Telephony;

public sealed class TelephonyWebhookTests(TelephonyWebhookTests.ClockedFactory app) : IClassFixture<TelephonyWebhookTests.ClockedFactory>
{
    private const string Secret = TelephonyOptions.DemoWebhookSecret;

    public sealed class ClockedFactory : CareDeskFactory
    {
        public ClockedFactory() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    }

    private DateTimeOffset Now => app.Clock!.GetUtcNow();

    [Fact]
    public async Task A_signed_ringing_event_creates_one_contact_linked_to_the_caller_and_the_agent()
    {
        var phone = NewPhone();
        var personId = await SeedPersonAsync("王建国", phone);
        var callId = NewId();

        var response = await PostSignedAsync(Event(callId, "ringing", phone, agent: "agent@demo.caredesk"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contact = await ContactAsync(callId);
        Assert.Equal(personId, contact.PersonId);
        Assert.Equal(phone, contact.FromAddress);
        Assert.Equal(Now, contact.RingingAt);
        Assert.Equal(Now, contact.StartedAt);
        Assert.Equal(ContactChannel.Phone, contact.Channel);
        Assert.Equal(ContactDirection.Inbound, contact.Direction);
        Assert.Equal(await UserIdAsync("agent@demo.caredesk"), contact.AgentUserId);
    }

    [Fact]
    public async Task The_agent_may_be_named_by_phone_extension()
    {
        var extension = TestValues.Digits(string.Empty, 4);
        var expertId = await UserIdAsync("expert@demo.caredesk");
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == expertId);
            user.PhoneExtension = extension;
            return await db.SaveChangesAsync();
        });
        var callId = NewId();

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(Event(callId, "answered", NewPhone(), agent: extension))).StatusCode);

        Assert.Equal(expertId, (await ContactAsync(callId)).AgentUserId);
    }

    [Fact]
    public async Task A_wrong_signature_is_401_and_records_nothing()
    {
        var callId = NewId();
        var body = Event(callId, "ringing", NewPhone());
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var wrongSecret = await PostAsync(body, timestamp, Sign("another-secret", timestamp, body));
        var tamperedBody = await PostAsync(body.Replace("ringing", "answered", StringComparison.Ordinal), timestamp, Sign(Secret, timestamp, body));
        var notHex = await PostAsync(body, timestamp, "sha256=zz");
        var noPrefix = await PostAsync(body, timestamp, Sign(Secret, timestamp, body)["sha256=".Length..]);

        foreach (var response in new[] { wrongSecret, tamperedBody, notHex, noPrefix })
        {
            await response.ProblemAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.ExternalId == callId)));
    }

    [Fact]
    public async Task Missing_headers_are_401()
    {
        var body = Event(NewId(), "ringing", NewPhone());
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        await (await PostAsync(body, null, null)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await PostAsync(body, timestamp, null)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await PostAsync(body, null, Sign(Secret, timestamp, body))).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task A_timestamp_more_than_five_minutes_off_is_401(int offsetSeconds)
    {
        var body = Event(NewId(), "ringing", NewPhone());
        var timestamp = Now.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        await (await PostAsync(body, timestamp, Sign(Secret, timestamp, body))).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_timestamp_within_five_minutes_is_accepted()
    {
        var body = Event(NewId(), "ringing", NewPhone());
        var timestamp = Now.AddSeconds(-299).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body, timestamp, Sign(Secret, timestamp, body))).StatusCode);
    }

    [Fact]
    public async Task A_replayed_event_id_is_200_with_no_second_effect()
    {
        var callId = NewId();
        var eventId = NewId();
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(Event(callId, "answered", NewPhone(), eventId: eventId))).StatusCode);

        // The same event id again, even with another time and sequentially or all at once: nothing changes.
        var again = await PostSignedAsync(Event(callId, "answered", NewPhone(), eventId: eventId, at: Now.AddMinutes(1)));
        var parallel = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostSignedAsync(Event(callId, "answered", NewPhone(), eventId: eventId))));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        Assert.All(parallel, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(Now, (await ContactAsync(callId)).AnsweredAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.ExternalId == callId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ProcessedWebhookEvents.CountAsync(e => e.EventId == eventId)));
    }

    [Fact]
    public async Task Events_racing_for_one_call_make_one_contact()
    {
        var callId = NewId();
        var phone = NewPhone();

        var responses = await Task.WhenAll(
            PostSignedAsync(Event(callId, "ringing", phone)),
            PostSignedAsync(Event(callId, "answered", phone, at: Now.AddSeconds(5))),
            PostSignedAsync(Event(callId, "ended", phone, at: Now.AddSeconds(65))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var contact = await ContactAsync(callId);
        Assert.Equal(Now, contact.RingingAt);
        Assert.Equal(Now.AddSeconds(5), contact.AnsweredAt);
        Assert.Equal(Now.AddSeconds(65), contact.EndedAt);
    }

    [Fact]
    public async Task An_unknown_agent_is_accepted_and_the_call_recorded_without_one()
    {
        var callId = NewId();

        var response = await PostSignedAsync(Event(callId, "ringing", NewPhone(), agent: "nobody@example.test"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agentKnown").GetBoolean());
        Assert.Null((await ContactAsync(callId)).AgentUserId);
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("""{"eventId":"e","callId":"c","type":"dialing","at":"2026-11-24T09:00:00Z"}""", "type")]
    [InlineData("""{"eventId":"e","type":"ringing","at":"2026-11-24T09:00:00Z"}""", "callId")]
    [InlineData("""{"callId":"c","type":"ringing","at":"2026-11-24T09:00:00Z"}""", "eventId")]
    [InlineData("""{"eventId":"e","callId":"c","type":"ringing"}""", "at")]
    [InlineData("""{"eventId":"e","callId":"c","type":"ringing","at":"yesterday"}""", "at")]
    public async Task A_malformed_body_is_a_400_naming_the_field(string body, string field)
    {
        var problem = await (await PostSignedAsync(body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Errors(field));
    }

    [Fact]
    public async Task Events_out_of_order_fill_one_contact_with_every_timing()
    {
        var callId = NewId();
        var phone = NewPhone();

        await PostSignedAsync(Event(callId, "ended", phone, at: Now.AddSeconds(90)));
        await PostSignedAsync(Event(callId, "answered", phone, at: Now.AddSeconds(8)));
        await PostSignedAsync(Event(callId, "ringing", phone, at: Now));

        var contact = await ContactAsync(callId);
        Assert.Equal(Now, contact.StartedAt);
        Assert.Equal(Now, contact.RingingAt);
        Assert.Equal(Now.AddSeconds(8), contact.AnsweredAt);
        Assert.Equal(Now.AddSeconds(90), contact.EndedAt);
        Assert.False(contact.Missed);
    }

    [Fact]
    public async Task A_missed_call_is_recorded_as_missed()
    {
        var callId = NewId();
        await PostSignedAsync(Event(callId, "ringing", NewPhone()));
        await PostSignedAsync(Event(callId, "missed", NewPhone(), at: Now.AddSeconds(30)));

        var contact = await ContactAsync(callId);
        Assert.True(contact.Missed);
        Assert.Null(contact.AnsweredAt);
        Assert.Equal(Now.AddSeconds(30), contact.EndedAt);
    }

    [Fact]
    public async Task A_number_two_people_share_links_the_call_to_no_one()
    {
        var phone = NewPhone();
        await SeedPersonAsync("甲", phone);
        await SeedPersonAsync("乙", phone);
        var callId = NewId();

        await PostSignedAsync(Event(callId, "ringing", phone));

        Assert.Null((await ContactAsync(callId)).PersonId);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    internal static string NewPhone() => TestValues.E164Mobile();

    private string Event(string callId, string type, string from, string? agent = null, string? eventId = null, DateTimeOffset? at = null) =>
        JsonSerializer.Serialize(new
        {
            eventId = eventId ?? NewId(),
            callId,
            type,
            from,
            to = "+864008001234",
            agent,
            at = at ?? Now,
        });

    private static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(WebhookSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));

    private Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return PostAsync(body, timestamp, Sign(Secret, timestamp, body));
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telephony/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (timestamp is not null)
        {
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        }

        return await app.CreateClient().SendAsync(request);
    }

    private Task<Contact> ContactAsync(string callId) =>
        app.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Source == RecordCallEvent.Source && c.ExternalId == callId));

    private Task<string> UserIdAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync());
    }

    private Task<Guid> SeedPersonAsync(string name, string phone) =>
        app.WithDbAsync(async db =>
        {
            var person = new Person { DisplayName = name, CreatedAt = Now, UpdatedAt = Now };
            person.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = phone, LastDigits = phone[^4..] });
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
}

/// <summary>Outside demo mode the phone system's secret must be set, or the host does not start.</summary>
public sealed class TelephonySettingsTests
{
    [Fact]
    public async Task An_empty_webhook_secret_outside_demo_mode_stops_start_up_naming_the_setting()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new HostOutsideDemoMode(database);

        var error = Record.Exception(() => host.Server);

        Assert.NotNull(error);
        Assert.Contains("Telephony:WebhookSecret", Messages(error), StringComparison.Ordinal);
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>([error]);
        while (pending.TryPop(out var e))
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (e.InnerException is not null)
            {
                pending.Push(e.InnerException);
            }
        }

        return string.Join(" | ", messages);
    }

    private sealed class HostOutsideDemoMode(TestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("Database:ConnectionString", database.ConnectionString);
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("Telephony:WebhookSecret", "");
        }
    }
}
