using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Accessibility;

/// <summary>
/// The desktop without a mouse (docs/keyboard.md), with real key presses in Chromium: focus starts in each form's first
/// field, a skip link is the first Tab stop, the case page's shortcuts act, Ctrl+Enter saves a note, and a case is opened
/// from a person in a few keystrokes.
/// </summary>
public sealed class KeyboardTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const string Agent = "agent@demo.caredesk";

    [Fact]
    public async Task Focus_starts_in_the_first_field_of_each_form()
    {
        await Page.GotoAsync("/account/login");
        await Expect(Page.Locator("#email")).ToBeFocusedAsync();

        await SignInAsync(Agent);
        await GoToAsync("/people");
        await Expect(Page.Locator("#people-search")).ToBeFocusedAsync();
        await GoToAsync("/people/new");
        await Expect(Page.Locator("#new-person-name")).ToBeFocusedAsync();
        await GoToAsync("/catalog");
        await Expect(Page.Locator("#catalog-search")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("zh-CN", "跳到主要内容")]
    [InlineData("en", "Skip to main content")]
    public async Task The_first_tab_stop_is_a_skip_link_to_the_page(string language, string text)
    {
        await SignInAsync(Agent);
        await UseLanguageAsync(language);
        await GoToAsync("/shifts");

        await Page.Keyboard.PressAsync("Tab");
        var skip = Page.Locator("#skip-to-main");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync(text);
        await Expect(skip).ToBeInViewportAsync();
        await ScreenshotAsync($"keys-skip-link-{language}");

        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#main-content")).ToBeFocusedAsync();
        // The next Tab goes into the page, not back to the top bar.
        await Page.Keyboard.PressAsync("Tab");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.getElementById('main-content').contains(document.activeElement)"));
    }

    [Fact]
    public async Task The_case_page_shortcuts_take_note_hand_off_escalate_and_resolve()
    {
        var person = await PhoneSystem.SeedCallerAsync(Site.Services, "李娜 " + Guid.NewGuid().ToString("N")[..6], TestValues.E164Mobile());
        var caseId = await OpenCaseAsSupervisorAsync(person, "Strips give an error E-3");
        await SignInAsync(Agent);
        await UseLanguageAsync("en");
        await GoToAsync($"/cases/{caseId}");
        await Expect(Page.Locator("#case-take")).ToBeVisibleAsync();
        await ShortcutsListeningAsync();

        // Alt+T takes the case.
        await Page.Keyboard.PressAsync("Alt+KeyT");
        await Expect(Page.Locator(".timeline-entry[data-kind='taken']")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#case-take")).ToHaveCountAsync(0);

        // Alt+N goes to the note; Ctrl+Enter adds it.
        await Page.Keyboard.PressAsync("Alt+KeyN");
        await Expect(Page.Locator("#case-note")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Asked for the lot number on the vial.");
        await Page.Keyboard.PressAsync("Control+Enter");
        await Expect(Page.Locator(".timeline-entry[data-kind='note']")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".timeline-entry[data-kind='note']")).ToContainTextAsync("Asked for the lot number on the vial.");
        await Expect(Page.Locator("#case-note")).ToHaveValueAsync("");

        // Alt+H goes to the hand-off list, Enter opens it, Esc closes it again.
        await Page.Keyboard.PressAsync("Alt+KeyH");
        await Expect(Page.Locator("#case-handoff-to")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);

        // Alt+E escalates, with the note written as its reason.
        await Page.Keyboard.PressAsync("Alt+KeyN");
        await Page.Keyboard.TypeAsync("Caller reports a burning smell.");
        await Page.Keyboard.PressAsync("Alt+KeyE");
        await Expect(Page.Locator(".case-escalation")).ToBeVisibleAsync();
        await ScreenshotAsync("keys-case-shortcuts-en");

        // Alt+R goes to the resolution; Ctrl+Enter resolves.
        await Page.Keyboard.PressAsync("Alt+KeyR");
        await Expect(Page.Locator("#case-resolution-text")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Replaced the strips from another lot.");
        await Page.Keyboard.PressAsync("Control+Enter");
        await Expect(Page.Locator("#case-status")).ToHaveTextAsync("Resolved");
        await Expect(Page.Locator("#case-resolution")).ToContainTextAsync("Replaced the strips from another lot.");
    }

    [Fact]
    public async Task A_case_is_opened_from_a_person_in_a_few_keystrokes()
    {
        var person = await PhoneSystem.SeedCallerAsync(Site.Services, "王建国 " + Guid.NewGuid().ToString("N")[..6], TestValues.E164Mobile());
        await SignInAsync(Agent);
        await UseLanguageAsync("zh-CN");
        await GoToAsync($"/people/{person}");
        await Expect(Page.Locator("#new-case-shortcut")).ToContainTextAsync("Alt+O");
        await ScreenshotAsync("keys-person-new-case-zh-CN");
        await ShortcutsListeningAsync();

        // Alt+O, the subject, Enter: two keys besides the words (it took 26 Tabs to reach the form).
        var keys = 0;
        await Page.Keyboard.PressAsync("Alt+KeyO");
        keys++;
        await Expect(Page.Locator("#person-cases .new-case-subject input")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("血糖仪开机后黑屏");
        await Page.Keyboard.PressAsync("Enter");
        keys++;

        await Expect(Page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        await Expect(Page.Locator("#case-subject")).ToHaveTextAsync("血糖仪开机后黑屏");
        Assert.Equal(2, keys);
        var tabs = await TabsToAsync($"/people/{person}", "#person-cases .new-case-subject input");
        Assert.True(tabs > 5 * keys, $"{tabs} Tabs reach the form: the shortcut should save keystrokes.");
    }

    [Fact]
    public async Task Ctrl_enter_saves_a_contact_note_on_the_person_page()
    {
        var person = await PhoneSystem.SeedCallerAsync(Site.Services, "Mary " + Guid.NewGuid().ToString("N")[..6], TestValues.E164Mobile());
        await SignInAsync(Agent);
        await GoToAsync($"/people/{person}");
        await ShortcutsListeningAsync();
        await Page.Locator("#contact-log-open").ClickAsync();
        await Page.Locator("#log-contact-notes").FocusAsync();
        await Page.Keyboard.TypeAsync("Called back about the Guide strips.");

        await Page.Keyboard.PressAsync("Control+Enter");

        await Expect(Page.Locator("#person-contacts .contact-notes").First).ToContainTextAsync("Called back about the Guide strips.");
    }

    private Task ShortcutsListeningAsync() => Expect(Page.Locator("html")).ToHaveAttributeAsync("data-shortcuts", "on");

    // How many Tabs from the top of the page until the focus reaches the element: what the shortcut saves.
    private async Task<int> TabsToAsync(string path, string selector)
    {
        await GoToAsync(path);
        var target = await Page.Locator(selector).ElementHandleAsync();
        for (var tabs = 1; tabs <= 200; tabs++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return tabs;
            }
        }

        return int.MaxValue;
    }

    private async Task<Guid> OpenCaseAsSupervisorAsync(Guid personId, string subject)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var supervisorId = await db.Users.Where(u => u.Email == DemoEmail("supervisor")).Select(u => u.Id).SingleAsync();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>()
            .RunAsync(new OpenCase.Request(personId, "technical-support", null, subject), new StaffActor(supervisorId, false), CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        return opened.Value;
    }
}
