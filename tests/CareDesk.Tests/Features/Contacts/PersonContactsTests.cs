using Bunit;
using CareDesk.Features.Contacts;
using CareDesk.Features.Contacts.Pages;
using CareDesk.Features.People;
using CareDesk.Platform.Identity;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Contacts;

public sealed class PersonContactsTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string recordings = Path.Combine(Path.GetTempPath(), $"caredesk-bunit-recordings-{Guid.NewGuid():N}");

    public PersonContactsTests() => Services.Configure<ContactsOptions>(options => options.RecordingsDirectory = recordings);

    [Theory]
    [InlineData("en", "Video call · Outbound", "1× 1:30", "answered")]
    [InlineData("zh-CN", "视频通话 · 呼出", "1 次 1:30", "接通")]
    public async Task Each_contact_shows_channel_direction_times_hold_transfers_outcome_and_a_player(string culture, string channel, string hold, string answered)
    {
        UseLanguage(culture);
        var personId = await CreatePersonAsync("王建国");
        var start = Clock.GetUtcNow().AddHours(-1);
        var video = await LogAsync(new LogContact.Request(
            "video", "outbound", PersonId: personId, AnsweredAt: start, EndedAt: start.AddMinutes(20), HoldSeconds: 90, HoldCount: 1,
            Outcome: "taught glucose test", Subject: "Teach testing by video",
            Transfers: [new LogContact.TransferInput(start.AddMinutes(5), ToAddress: "8001")],
            RecordingUrl: "https://pbx.example.com/rec/1.wav"));
        var letter = await LogAsync(new LogContact.Request("letter", "inbound", PersonId: personId, StartedAt: start.AddDays(-3), Notes: "thank-you letter"));

        var list = RenderInLayout<PersonContacts>(p => p.Add(x => x.PersonId, personId));

        list.WaitForElement($"#contact-{video.Id}", Wait);
        var row = list.Find($"#contact-{video.Id}");
        Assert.Contains(channel, row.QuerySelector(".contact-channel")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(answered, row.QuerySelector(".contact-times")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(hold, row.QuerySelector(".contact-hold")!.TextContent.Trim());
        Assert.Contains("→ 8001", row.QuerySelector(".contact-transfers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("taught glucose test", row.QuerySelector(".contact-outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"api/contacts/{video.Id}/recording", list.Find($"#recording-{video.Id}").GetAttribute("src"));
        Assert.Empty(list.FindAll($"#recording-{letter.Id}"));
        Assert.Contains("thank-you letter", list.Find($"#contact-{letter.Id} .contact-notes").TextContent, StringComparison.Ordinal);
        // Newest first.
        Assert.Equal(new string?[] { $"contact-{video.Id}", $"contact-{letter.Id}" }, list.FindAll("#person-contacts tbody tr").Select(r => r.Id));
    }

    [Fact]
    public async Task An_agent_logs_a_contact_by_hand_and_it_is_listed()
    {
        UseLanguage("en");
        await AddSignedInUserAsync();
        var personId = await CreatePersonAsync("Mary Smith");
        var list = RenderInLayout<PersonContacts>(p => p.Add(x => x.PersonId, personId));
        list.WaitForElement("#contacts-none", Wait);

        list.Find("#contact-log-open").Click();
        list.WaitForElement("#log-contact-form", Wait);
        list.Find("#log-contact-outcome").Change("strips ordered");
        list.Find("#log-contact-notes").Change("Called back about the Guide strips.");
        list.Find("#log-contact-form").Submit();

        list.WaitForAssertion(() => Assert.Contains("strips ordered", list.Find("#person-contacts").TextContent, StringComparison.Ordinal), Wait);
        var stored = await WithDbAsync(db => db.Contacts.SingleAsync(c => c.PersonId == personId));
        Assert.Equal(("agent", ContactChannel.Phone, ContactDirection.Outbound, UserId), (stored.Source, stored.Channel, stored.Direction, stored.AgentUserId));
        Assert.Equal("Called back about the Guide strips.", stored.Notes);
    }

    [Fact]
    public async Task An_uploaded_audio_file_becomes_the_player_and_other_files_are_refused()
    {
        UseLanguage("en");
        var personId = await CreatePersonAsync("李娜");
        var call = await LogAsync(new LogContact.Request("phone", "inbound", PersonId: personId));
        var list = RenderInLayout<PersonContacts>(p => p.Add(x => x.PersonId, personId));
        list.WaitForElement($"#contact-{call.Id}", Wait);

        list.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("not a call", "notes.txt", contentType: "text/plain"));
        list.WaitForAssertion(() => Assert.Equal("Only audio files can be recordings.", list.Find($"#recording-error-{call.Id}").TextContent), Wait);
        Assert.Empty(list.FindAll($"#recording-{call.Id}"));

        list.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4], "call.wav", contentType: "audio/wav"));
        list.WaitForElement($"#recording-{call.Id}", Wait);
        var stored = await WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == call.Id));
        Assert.Equal((true, 8L, "audio/wav"), (stored.HasRecording, stored.RecordingBytes!.Value, stored.RecordingContentType));
        Assert.True(File.Exists(Path.Combine(recordings, stored.RecordingFile!)));
        Directory.Delete(recordings, recursive: true);
    }

    private Task<ContactView> LogAsync(LogContact.Request request) =>
        RunAsync<LogContact, ContactView>(async log =>
        {
            var logged = await log.RunAsync(request, Unrestricted, LogContact.ApiSource, CancellationToken.None);
            Assert.True(logged.Succeeded, logged.Failure?.MessageKey);
            return logged.Value!.Contact;
        });

    private Task<bool> AddSignedInUserAsync() => WithDbAsync(async db =>
    {
        db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@test", Email = $"{UserId}@test", DisplayName = "Test Agent" });
        await db.SaveChangesAsync();
        return true;
    });
}
