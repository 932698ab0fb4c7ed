using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Features.Devices;
using CareDesk.Features.Macros;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Cases;

/// <summary>
/// Issue 11 items 8 and 11 in Chromium: the case page names the patient and the caller, edits the description and the
/// device, takes a photo, and a macro is picked into the note with real key presses (// or Ctrl+/, typing filters,
/// arrows, Enter inserts it filled in, Esc closes only the list).
/// </summary>
public sealed class CasePageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xFF, 0xD9];

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task An_agent_picks_a_macro_by_keyboard_into_the_note_filled_from_the_case_and_works_the_details_and_a_photo(string culture)
    {
        var seeded = await SeedAsync(culture);
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(DemoEmail("agent"));
        await UseLanguageAsync(culture);
        await GoToAsync($"/cases/{seeded.CaseId}");

        await Expect(Page.Locator("#case-person")).ToHaveTextAsync(seeded.Patient);
        await Expect(Page.Locator("#case-caller a")).ToHaveTextAsync(seeded.Caller);

        // "//" opens the list; typing filters it to this test's macros; ↓ moves, Enter inserts the filled-in text.
        var note = Page.Locator("#case-note");
        await Expect(note).ToHaveAttributeAsync("data-macros", "ready");
        await note.FocusAsync();
        await Page.Keyboard.TypeAsync("//");
        var list = Page.Locator("#case-note-macros");
        await Expect(list).ToBeVisibleAsync();
        await Page.Keyboard.TypeAsync(seeded.Shortcut[..6]);
        await Expect(list.Locator(".macro-option")).ToHaveCountAsync(2);
        await Expect(list.Locator(".macro-option").First).ToHaveAttributeAsync("aria-selected", "true");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(list.Locator(".macro-option").Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Page.Keyboard.PressAsync("ArrowUp");
        await Page.Keyboard.TypeAsync(seeded.Shortcut[6..]);
        await Expect(list.Locator(".macro-option")).ToHaveCountAsync(1);
        await Page.SetViewportSizeAsync(1366, 768);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ShotPath($"case-macro-picker-{culture}") });
        await Page.Keyboard.PressAsync("Enter");
        await Expect(list).ToHaveCountAsync(0);
        await Expect(note).ToHaveValueAsync(seeded.Filled);

        // Ctrl+/ opens it where the caret is; Esc closes only the list, the field keeps the focus and its text.
        await Page.Keyboard.PressAsync("Control+Slash");
        await Expect(list).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(list).ToHaveCountAsync(0);
        await Expect(note).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(" OK");
        await Expect(note).ToHaveValueAsync(seeded.Filled + " OK");
        await Page.Locator("#case-add-note").ClickAsync();
        await Expect(Page.Locator(".timeline-entry[data-kind='note']")).ToContainTextAsync(seeded.Patient);

        // The details: the patient's meter picked from their devices, a description; then a photo of its screen.
        await Page.Locator("#case-details-edit").ClickAsync();
        await Page.Locator("#case-details-description").FillAsync(culture == "en" ? "The meter shows E-3 after every new strip." : "每换一条新试纸，血糖仪都显示 E-3。");
        await Page.Locator("#case-details .mud-select").First.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = seeded.Serial }).ClickAsync();
        await Expect(Page.Locator("#case-details .mud-select").First).ToContainTextAsync(seeded.Serial);
        await Page.Locator("#case-details-save").ClickAsync();
        await Expect(Page.Locator("#case-device")).ToContainTextAsync(seeded.Serial);
        await Expect(Page.Locator("#case-description")).ToContainTextAsync("E-3");
        await Page.Locator("#case-attachment-file").SetInputFilesAsync(new FilePayload { Name = "meter-screen.jpg", MimeType = "image/jpeg", Buffer = Jpeg });
        await Expect(Page.Locator(".case-attachment .case-attachment-open")).ToHaveTextAsync("meter-screen.jpg");
        await Expect(Page.Locator(".timeline-entry[data-kind='attachment-added']")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".timeline-entry[data-kind='details-changed']")).ToHaveCountAsync(1);
        await Page.Mouse.MoveAsync(0, 0);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ShotPath($"case-page-{culture}") });
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ShotPath($"case-page-full-{culture}"), FullPage = true });
    }

    private static string ShotPath(string name) => Path.Combine(
        Environment.GetEnvironmentVariable("CAREDESK_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots"), $"{name}.png");

    private sealed record Seeded(Guid CaseId, string Patient, string Caller, string Serial, string Shortcut, string Filled);

    /// <summary>A patient with a meter, his daughter who called, a case for him naming her, and two macros whose shortcuts share a start.</summary>
    private async Task<Seeded> SeedAsync(string culture)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var now = TimeProvider.System.GetUtcNow();
        Guid patientId, callerId;
        string agentId, serial = "SN-" + suffix.ToUpperInvariant();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync())
        {
            var patient = new Person { DisplayName = "王建国 " + suffix, Kind = PersonKind.Patient, CreatedAt = now, UpdatedAt = now };
            var caller = new Person { DisplayName = "王丽 " + suffix, Kind = PersonKind.Caregiver, CreatedAt = now, UpdatedAt = now };
            db.People.AddRange(patient, caller);
            db.Relationships.Add(new Relationship { FromPersonId = caller.Id, ToPersonId = patient.Id, Kind = RelationshipKind.CaregiverOf });
            var model = await db.ProductModels.Where(m => m.NameZh != null).OrderBy(m => m.Id).FirstAsync();
            db.Devices.Add(new Device { PersonId = patient.Id, ModelId = model.Id, SerialNumber = serial });
            await db.SaveChangesAsync();
            (patientId, callerId) = (patient.Id, caller.Id);
            agentId = await db.Users.Where(u => u.Email == DemoEmail("agent")).Select(u => u.Id).SingleAsync();
        }

        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().RunAsync(
            new OpenCase.Request(patientId, "question", "normal", culture == "en" ? "Which strips fit the meter?" : "哪种试纸适合这台血糖仪？"),
            new StaffActor(agentId, false), CancellationToken.None);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync())
        {
            // As if opened from her call about him (the call card does this; here only the page is under test).
            var found = await db.Cases.SingleAsync(c => c.Id == opened.Value);
            found.CallerPersonId = callerId;
            await db.SaveChangesAsync();
        }

        var shortcut = "fit" + suffix;
        var save = scope.ServiceProvider.GetRequiredService<SaveMacro>();
        var text = culture == "en"
            ? "Hello {caller name}: the strips for {person name}'s meter are listed on case {case number}."
            : "{caller name}您好：适合{person name}血糖仪的试纸已记录在工单 {case number} 中。";
        Assert.True((await save.RunAsync(null, new SaveMacro.Request(shortcut, culture == "en" ? "Strips that fit" : "适用试纸", culture, text), agentId, CancellationToken.None)).Succeeded);
        Assert.True((await save.RunAsync(null, new SaveMacro.Request(shortcut[..6] + "qq", culture == "en" ? "Strips, longer" : "适用试纸（详）", culture, "{agent name}"), agentId, CancellationToken.None)).Succeeded);
        var number = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContext()
            .Cases.Where(c => c.Id == opened.Value).Select(c => c.Number).SingleAsync();
        var filled = text.Replace("{caller name}", "王丽 " + suffix, StringComparison.Ordinal).Replace("{person name}", "王建国 " + suffix, StringComparison.Ordinal)
            .Replace("{case number}", CaseNumbers.Display(number), StringComparison.Ordinal);
        return new Seeded(opened.Value, "王建国 " + suffix, "王丽 " + suffix, serial, shortcut, filled);
    }
}
