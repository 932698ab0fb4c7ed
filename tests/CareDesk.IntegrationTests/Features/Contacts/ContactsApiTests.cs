using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Features.Telephony;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Contacts;

public sealed class ContactsApiTests(ContactsApiTests.RecordingsFactory app) : IClassFixture<ContactsApiTests.RecordingsFactory>
{
    /// <summary>The host with its recordings in a directory of its own and a small size limit to test against.</summary>
    public sealed class RecordingsFactory : CareDeskFactory
    {
        public const long MaxBytes = 200_000;

        public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"caredesk-recordings-{Guid.NewGuid():N}");

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Contacts:RecordingsDirectory"] = Directory,
            ["Contacts:MaxRecordingBytes"] = MaxBytes.ToString(CultureInfo.InvariantCulture),
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_same_external_id_twice_is_one_contact_filled_in_201_then_200()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await CreatePersonAsync();
        var externalId = NewId();
        var queued = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var expertId = await UserIdAsync(Roles.Expert);

        var first = await agent.PostAsJsonAsync("/api/contacts", new
        {
            source = "crm",
            externalId,
            personId = person,
            channel = "chat",
            direction = "inbound",
            queuedAt = queued,
            subject = "Strips for a Guide meter",
        });
        var created = await first.ReadAsync<ContactView>(HttpStatusCode.Created);
        Assert.Equal($"/api/contacts/{created.Id}", first.Headers.Location?.OriginalString);

        var transfer = new { at = queued.AddMinutes(3), toUserId = expertId, note = "needs an expert" };
        var second = await (await agent.PostAsJsonAsync("/api/contacts", new
        {
            source = "crm",
            externalId,
            channel = "chat",
            direction = "inbound",
            answeredAt = queued.AddMinutes(1),
            endedAt = queued.AddMinutes(9),
            holdSeconds = 45,
            holdCount = 1,
            outcome = "answered",
            transfers = new[] { transfer },
        })).ReadAsync<ContactView>();
        var third = await (await agent.PostAsJsonAsync("/api/contacts", new
        {
            source = "crm",
            externalId,
            channel = "chat",
            direction = "inbound",
            transfers = new[] { transfer },
        })).ReadAsync<ContactView>();

        Assert.Equal(created.Id, second.Id);
        Assert.Equal(created.Id, third.Id);
        Assert.Equal(person, third.PersonId);
        Assert.Equal("chat", third.Channel);
        Assert.Equal(queued, third.QueuedAt);
        Assert.Equal(queued, third.StartedAt);
        Assert.Equal(queued.AddMinutes(9), third.EndedAt);
        Assert.Equal((45, 1, "answered", "Strips for a Guide meter"), (third.HoldSeconds, third.HoldCount, third.Outcome, third.Subject));
        var moved = Assert.Single(third.Transfers);
        Assert.Equal(expertId, moved.ToUserId);
        Assert.Equal("needs an expert", moved.Note);
        Assert.NotEqual(created.Version, third.Version);
        Assert.Equal(1, await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.Source == "crm" && c.ExternalId == externalId)));
    }

    [Fact]
    public async Task Concurrent_posts_of_one_external_id_make_one_contact()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await CreatePersonAsync();
        var externalId = NewId();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => agent.PostAsJsonAsync("/api/contacts", new
        {
            source = "pbx",
            externalId,
            personId = person,
            channel = "phone",
            direction = "inbound",
            notes = $"post {i}",
        })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<ContactView>(JsonSerializerOptions.Web))!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.Source == "pbx" && c.ExternalId == externalId)));
    }

    [Theory]
    [InlineData("""{"direction":"inbound"}""", "channel")]
    [InlineData("""{"channel":"pigeon","direction":"inbound"}""", "channel")]
    [InlineData("""{"channel":"phone","direction":"sideways"}""", "direction")]
    [InlineData("""{"channel":"phone","direction":"inbound","answeredAt":"2026-12-01T10:00:00Z","endedAt":"2026-12-01T09:00:00Z"}""", "endedAt")]
    [InlineData("""{"channel":"phone","direction":"inbound","queuedAt":"2026-12-01T10:00:00Z","answeredAt":"2026-12-01T09:00:00Z"}""", "answeredAt")]
    [InlineData("""{"channel":"phone","direction":"inbound","holdSeconds":-1}""", "holdSeconds")]
    [InlineData("""{"channel":"phone","direction":"inbound","recordingUrl":"ftp://pbx/1.wav"}""", "recordingUrl")]
    [InlineData("""{"channel":"phone","direction":"inbound","personId":"0197a000-0000-7000-8000-000000000000"}""", "personId")]
    [InlineData("""{"channel":"phone","direction":"inbound","agentUserId":"nobody"}""", "agentUserId")]
    [InlineData("""{"channel":"phone","direction":"inbound","source":"Not A Source"}""", "source")]
    [InlineData("""{"channel":"phone","direction":"inbound","transfers":[{"at":"2026-12-01T10:00:00Z","toTeam":"quality","toAddress":"8001"}]}""", "transfers[0].toUserId")]
    [InlineData("""{"channel":"phone","direction":"inbound","transfers":[{"toAddress":"8001"}]}""", "transfers[0].at")]
    public async Task Bad_input_is_a_400_naming_the_field(string json, string field)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var problem = await (await agent.PostRawAsync("/api/contacts", json)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors(field);
    }

    [Fact]
    public async Task An_uploaded_recording_is_stored_with_its_hash_and_played_by_range_and_each_play_is_audited()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await CreatePersonAsync();
        var contact = await LogAsync(agent, person);
        var wav = Wav.Tone(seconds: 1);

        var uploaded = await (await UploadAsync(agent, contact.Id, wav, "audio/wav", "call.wav")).ReadAsync<ContactView>();

        var recording = uploaded.Recording!;
        Assert.Equal(("file", "audio/wav", (long?)wav.Length), (recording.Kind, recording.ContentType, recording.Bytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(wav)), recording.Sha256);
        var file = Assert.Single(System.IO.Directory.GetFiles(app.Directory, $"{contact.Id:N}-*"));
        Assert.Equal(wav, await File.ReadAllBytesAsync(file));

        using var ranged = new HttpRequestMessage(HttpMethod.Get, recording.PlayUrl);
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        var part = await agent.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(wav[100..200], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 100-199/{wav.Length}", part.Content.Headers.ContentRange?.ToString());

        var whole = await agent.GetAsync(recording.PlayUrl);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(wav, await whole.Content.ReadAsByteArrayAsync());

        // The whole GET is a play; the range from byte 100 is the same play seeking.
        // Audited as a read of the contact that names its person, so it is among that person's reads.
        var plays = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == "read" && e.EntityType == "Contact" && e.EntityId == contact.Id.ToString() && e.Subjects == person.ToString()
            && e.Reason == $"recording of contact {contact.Id}"));
        Assert.Equal(1, plays);
        var found = await (await agent.GetAsync($"/api/contacts?personId={person}&hasRecording=true")).ReadAsync<ContactView[]>();
        Assert.Equal(contact.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task Only_audio_within_the_size_limit_is_accepted_as_a_recording()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var contact = await LogAsync(agent, await CreatePersonAsync());

        (await (await UploadAsync(agent, contact.Id, Encoding.UTF8.GetBytes("not a call"), "text/plain", "notes.txt")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("file");
        (await (await UploadAsync(agent, contact.Id, new byte[RecordingsFactory.MaxBytes + 1], "audio/wav", "long.wav")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("file");
        (await (await agent.PostAsJsonAsync($"/api/contacts/{contact.Id}/recording", new { url = "x" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("file");
        await (await UploadAsync(agent, contact.Id, new byte[RecordingsFactory.MaxBytes + 100_000], "audio/wav", "huge.wav")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        await (await agent.GetAsync($"/api/contacts/{contact.Id}/recording")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(System.IO.Directory.Exists(app.Directory) ? System.IO.Directory.GetFiles(app.Directory, $"{contact.Id:N}*") : []);
        Assert.False(await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.HasRecording).SingleAsync()));
    }

    [Fact]
    public async Task A_linked_recording_redirects_to_the_phone_system()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var contact = await LogAsync(agent, await CreatePersonAsync(), recordingUrl: "https://pbx.example.com/rec/42.mp3");
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = agent.DefaultRequestHeaders.Authorization;

        var response = await client.GetAsync(contact.Recording!.PlayUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://pbx.example.com/rec/42.mp3", response.Headers.Location?.OriginalString);
        Assert.Equal("link", contact.Recording.Kind);
    }

    [Fact]
    public async Task Contacts_are_found_by_person_time_channel_and_recording()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await CreatePersonAsync();
        var day = new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero);
        var early = await LogAsync(agent, person, startedAt: day.AddHours(9), recordingUrl: "https://pbx.example.com/rec/1.mp3");
        var late = await LogAsync(agent, person, startedAt: day.AddHours(15), channel: "video", recordingUrl: "https://pbx.example.com/rec/2.mp3");
        await LogAsync(agent, person, startedAt: day.AddHours(11));
        await LogAsync(agent, person, startedAt: day.AddDays(2), recordingUrl: "https://pbx.example.com/rec/3.mp3");
        await LogAsync(agent, await CreatePersonAsync(), startedAt: day.AddHours(10), recordingUrl: "https://pbx.example.com/rec/4.mp3");

        var query = $"personId={person}&from={Iso(day)}&to={Iso(day.AddDays(1))}";
        var recordings = await (await agent.GetAsync($"/api/contacts?{query}&hasRecording=true")).ReadAsync<ContactView[]>();
        var videos = await (await agent.GetAsync($"/api/contacts?{query}&channel=video")).ReadAsync<ContactView[]>();
        var all = await (await agent.GetAsync($"/api/contacts?personId={person}")).ReadAsync<ContactView[]>();

        Assert.Equal(new[] { late.Id, early.Id }, recordings.Select(c => c.Id));
        Assert.Equal(late.Id, Assert.Single(videos).Id);
        Assert.Equal(4, all.Length);
        (await (await agent.GetAsync($"/api/contacts?{query}&channel=pigeon")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("channel");
        (await (await agent.GetAsync($"/api/contacts?from={Iso(day)}&to={Iso(day.AddDays(-1))}")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("to");
    }

    [Fact]
    public async Task A_field_rep_is_refused_a_strangers_contact_and_its_recording()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await UserIdAsync(Roles.FieldRep);
        var stranger = await CreatePersonAsync(assignedFieldRepId: "another-rep");
        var own = await CreatePersonAsync(assignedFieldRepId: repId);
        var theirs = await LogAsync(agent, stranger);
        await UploadAsync(agent, theirs.Id, Wav.Tone(seconds: 1), "audio/wav", "call.wav");

        await (await rep.GetAsync($"/api/contacts/{theirs.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/contacts/{theirs.Id}/recording")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(rep, theirs.Id, Wav.Tone(seconds: 1), "audio/wav", "call.wav")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/contacts?personId={stranger}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync("/api/contacts", new { personId = stranger, channel = "visit", direction = "outbound" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await (await rep.GetAsync("/api/contacts")).ReadAsync<ContactView[]>(), c => c.Id == theirs.Id);

        var mine = await LogAsync(rep, own, channel: "visit");
        Assert.Equal(mine.Id, (await (await rep.GetAsync($"/api/contacts/{mine.Id}")).ReadAsync<ContactView>()).Id);
        Assert.Contains(await (await rep.GetAsync("/api/contacts")).ReadAsync<ContactView[]>(), c => c.Id == mine.Id);
        var unauthenticated = await app.CreateClient().GetAsync($"/api/contacts/{mine.Id}/recording");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task An_edit_at_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var contact = await LogAsync(agent, await CreatePersonAsync());
        var edit = new { version = contact.Version, channel = "phone", direction = "outbound", outcome = "resolved", notes = "first" };

        var first = await (await agent.PutAsJsonAsync($"/api/contacts/{contact.Id}", edit)).ReadAsync<ContactView>();
        await (await agent.PutAsJsonAsync($"/api/contacts/{contact.Id}", edit with { notes = "second" })).ProblemAsync(HttpStatusCode.Conflict);

        var current = await (await agent.GetAsync($"/api/contacts/{contact.Id}")).ReadAsync<ContactView>();
        Assert.Equal(("first", "resolved", "outbound"), (current.Notes, current.Outcome, current.Direction));
        Assert.Equal(first.Version, current.Version);
    }

    [Fact]
    public async Task A_contact_shows_the_cases_it_concerns()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await CreatePersonAsync();
        var contact = await LogAsync(agent, person);
        var opened = await agent.PostAsJsonAsync("/api/cases", new { personId = person, type = "question", priority = "normal", subject = "Which strips fit", contactId = contact.Id });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var shown = await (await agent.GetAsync($"/api/contacts/{contact.Id}")).ReadAsync<ContactView>();

        var linked = Assert.Single(shown.Cases);
        Assert.Equal((caseId, "Which strips fit"), (linked.Id, linked.Subject));
    }

    [Fact]
    public async Task The_phone_systems_hold_transfer_and_recording_events_fill_in_the_call()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var callId = NewId();
        var start = TimeProvider.System.GetUtcNow().AddMinutes(-2);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));

        foreach (var (type, seconds, agentEmail, transferTo, recordingUrl) in new (string, int, string, string?, string?)[]
        {
            ("answered", 0, "agent@demo.caredesk", null, null),
            ("hold", 10, "agent@demo.caredesk", null, null),
            ("unhold", 40, "agent@demo.caredesk", null, null),
            ("hold", 50, "agent@demo.caredesk", null, null),
            ("unhold", 60, "agent@demo.caredesk", null, null),
            ("transfer", 70, "agent@demo.caredesk", "expert@demo.caredesk", null),
            ("transfer", 80, "expert@demo.caredesk", "+86 10 8888 0000", null),
            ("ended", 100, "expert@demo.caredesk", null, null),
            ("recording", 110, "expert@demo.caredesk", null, "https://pbx.example.com/rec/call.wav"),
        })
        {
            var body = JsonSerializer.Serialize(new
            {
                eventId = NewId(),
                callId,
                type,
                from = "+8613900001111",
                agent = agentEmail,
                at = start.AddSeconds(seconds),
                transferTo,
                recordingUrl,
            });
            Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(body)).StatusCode);
        }

        var id = await app.WithDbAsync(db => db.Contacts.Where(c => c.Source == "telephony" && c.ExternalId == callId).Select(c => c.Id).SingleAsync());
        var call = await (await agent.GetAsync($"/api/contacts/{id}")).ReadAsync<ContactView>();
        Assert.Equal((40, 2), (call.HoldSeconds, call.HoldCount));
        Assert.Equal(2, call.Transfers.Count);
        Assert.Equal((await UserIdAsync(Roles.Agent), await UserIdAsync(Roles.Expert)), (call.Transfers[0].FromUserId, call.Transfers[0].ToUserId));
        Assert.Equal((await UserIdAsync(Roles.Expert), "+86 10 8888 0000"), (call.Transfers[1].FromUserId, call.Transfers[1].ToAddress));
        Assert.Equal(await UserIdAsync(Roles.Expert), call.AgentUserId);
        Assert.Equal(("link", "https://pbx.example.com/rec/call.wav"), (call.Recording!.Kind, call.Recording.Url));
        var noTarget = JsonSerializer.Serialize(new { eventId = NewId(), callId, type = "transfer", at = start });
        (await (await PostSignedAsync(noTarget)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("transferTo");
    }

    [Fact]
    public async Task A_number_typed_in_any_format_is_stored_as_E164_and_links_the_contact_to_the_one_who_owns_it()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = PeopleTestKit.NewMobile();
        var owner = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜", mobile));
        var typed = $"{mobile[..3]} {mobile[3..7]} {mobile[7..]}";

        var inbound = await (await agent.PostAsJsonAsync("/api/contacts", new { channel = "phone", direction = "inbound", from = typed }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        var outbound = await (await agent.PostAsJsonAsync("/api/contacts", new { channel = "sms", direction = "outbound", to = "0086 " + mobile }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        var email = await (await agent.PostAsJsonAsync("/api/contacts", new { channel = "email", direction = "inbound", from = typed }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);

        Assert.Equal(("+86" + mobile, owner.Id), (inbound.From, inbound.PersonId));
        Assert.Equal(("+86" + mobile, owner.Id), (outbound.To, outbound.PersonId));
        Assert.Equal((typed, (Guid?)null), (email.From, email.PersonId));
        // Found by number: the number finds the owner, and the owner's contacts hold both.
        var callers = await (await agent.GetAsync($"/api/people/lookup?phone={Uri.EscapeDataString(typed)}")).ReadAsync<List<LookupCallers.Match>>();
        Assert.Equal(owner.Id, Assert.Single(callers).PersonId);
        var theirs = await (await agent.GetAsync($"/api/contacts?personId={owner.Id}")).ReadAsync<ContactView[]>();
        Assert.Equal(new[] { inbound.Id, outbound.Id }.Order(), theirs.Select(c => c.Id).Order());
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static async Task<ContactView> LogAsync(
        HttpClient client, Guid personId, DateTimeOffset? startedAt = null, string channel = "phone", string? recordingUrl = null)
    {
        var response = await client.PostAsJsonAsync("/api/contacts", new { personId, channel, direction = "inbound", startedAt, recordingUrl });
        return await response.ReadAsync<ContactView>(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid contactId, byte[] bytes, string contentType, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return client.PostAsync($"/api/contacts/{contactId}/recording", form);
    }

    private Task<string> UserIdAsync(string role) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == UserSeeder.DemoEmail(role)).Select(u => u.Id).SingleAsync());

    private Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(WebhookSignature.Compute(TelephonyOptions.DemoWebhookSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/telephony/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return app.CreateClient().SendAsync(request);
    }

    private Task<Guid> CreatePersonAsync(string? assignedFieldRepId = null) => app.WithDbAsync(async db =>
    {
        var person = new Person
        {
            DisplayName = "王秀英",
            AssignedFieldRepId = assignedFieldRepId,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            UpdatedAt = TimeProvider.System.GetUtcNow(),
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });
}

/// <summary>A real, small PCM WAV file: a 440 Hz tone.</summary>
internal static class Wav
{
    public static byte[] Tone(int seconds, int sampleRate = 8_000)
    {
        var samples = seconds * sampleRate;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(Math.Sin(2 * Math.PI * 440 * i / sampleRate) * 8_000));
        }

        writer.Flush();
        return stream.ToArray();
    }
}
