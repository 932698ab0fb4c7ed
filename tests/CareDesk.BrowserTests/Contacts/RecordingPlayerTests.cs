using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Contacts;

public sealed class RecordingPlayerTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task An_agent_uploads_a_recorded_call_and_the_player_loads_it()
    {
        var (personId, contactId) = await CreatePersonWithCallAsync();
        await SignInAsync(DemoEmail("agent"));

        await GoToAsync($"/people/{personId}");
        await Expect(Page.Locator($"#contact-{contactId}")).ToBeVisibleAsync();
        await Page.Locator($"#recording-upload-{contactId}").SetInputFilesAsync(new FilePayload
        {
            Name = "call.wav",
            MimeType = "audio/wav",
            Buffer = Tone(seconds: 2),
        });

        var player = Page.Locator($"#recording-{contactId}");
        await Expect(player).ToBeVisibleAsync();
        // The player preloads nothing (each fetch from byte 0 is an audited play); loading it as a press of play does, the
        // browser fetches the file through the API (range requests) and decodes its header: a real duration.
        var duration = await player.EvaluateAsync<double>(
            "a => new Promise(r => { a.addEventListener('loadedmetadata', () => r(a.duration)); a.addEventListener('error', () => r(-1)); a.preload = 'metadata'; a.load(); })");
        Assert.InRange(duration, 1.9, 2.1);
        await ScreenshotAsync("contact-recording");
    }

    private async Task<(Guid PersonId, Guid ContactId)> CreatePersonWithCallAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-test");
        var person = await scope.ServiceProvider.GetRequiredService<CreatePerson>().RunAsync(
            new CreatePerson.Request(
                $"Recorded {Guid.NewGuid():N}"[..17], null, null, "patient", null, null, null, null,
                new CreatePerson.AccessibilityInput(false, false, false, false, null),
                null, null, null, null, [], null, null, null, null),
            CancellationToken.None);
        var viewer = new PersonViewer("browser-test", OnlyAssigned: false, Masked: false);
        var logged = await scope.ServiceProvider.GetRequiredService<LogContact>().RunAsync(
            new LogContact.Request("phone", "inbound", PersonId: person.Value, Outcome: "battery drain explained"), viewer, LogContact.ApiSource, CancellationToken.None);
        return (person.Value, logged.Value!.Contact.Id);
    }

    /// <summary>A real PCM WAV file: a 440 Hz tone, 8 kHz, 16 bit, mono.</summary>
    private static byte[] Tone(int seconds, int sampleRate = 8_000)
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
