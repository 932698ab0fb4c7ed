using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Cases;

/// <summary>Stories 4 and 5: a ringing call becomes a case in one step, and the case is handed on with a note, never lost.</summary>
public sealed class CaseFlowTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const string Agent = "agent@demo.caredesk";

    [Fact]
    public async Task A_ringing_call_becomes_a_case_that_is_handed_to_quality_with_a_note_and_resolved_there()
    {
        var phone = $"+86139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var person = await PhoneSystem.SeedCallerAsync(Site.Services, "李娜 " + Guid.NewGuid().ToString("N")[..6], phone);
        await SignInAsync(Agent);

        await PhoneSystem.RingAsync(Site.BaseAddress, Agent, Guid.NewGuid().ToString("N"), phone);

        // One step from the caller's card: type, subject, open.
        var card = Page.Locator($"#screen-pop .caller-card[data-person-id='{person}']");
        await Expect(card).ToBeVisibleAsync();
        await card.Locator(".new-case-subject input").FillAsync("Meter drains batteries in two days");
        await card.Locator(".new-case-open").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        await Expect(Page.Locator("#case-subject")).ToHaveTextAsync("Meter drains batteries in two days");
        await Expect(Page.Locator("#screen-pop")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#case-number")).ToHaveTextAsync(new Regex("^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$"));
        // The call it came from is on the timeline.
        await Expect(Page.Locator(".timeline-entry[data-kind='contact-linked']")).ToHaveCountAsync(1);

        // A handoff without a note is refused, naming what is missing; with a note it goes to the quality queue.
        await ChooseAsync("#case-handoff-to", "质量部");
        await Page.Locator("#case-handoff").ClickAsync();
        await Expect(Page.Locator("#case-action-error")).ToBeVisibleAsync();
        await Expect(Page.Locator(".timeline-entry[data-kind='handoff']")).ToHaveCountAsync(0);
        await Page.Locator("#case-handoff-note").FillAsync("Battery swapped, still drains. Please investigate the meter.");
        await Page.Locator("#case-handoff").ClickAsync();
        await Expect(Page.Locator(".timeline-entry[data-kind='handoff']")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#case-owner")).ToContainTextAsync("质量部");
        var caseUrl = Page.Url;
        await ScreenshotAsync("case-handed-to-quality");

        // Quality finds it in its queue, takes it and resolves it.
        var (qualityContext, quality) = await OpenAsync();
        await using var closeQuality = qualityContext;
        await SignInAsync(quality, "quality@demo.caredesk");
        await GoToAsync(quality, "/work");
        await Expect(quality.Locator("#work-queue-quality .case-row")).Not.ToHaveCountAsync(0);
        await quality.GotoAsync(caseUrl);
        await WaitUntilInteractiveAsync(quality);
        await quality.Locator("#case-take").ClickAsync();
        await Expect(quality.Locator("#case-owner")).ToContainTextAsync("Quality");
        await quality.Locator("#case-resolution-text").FillAsync("Firmware fault; meter replaced under warranty.");
        await quality.Locator("#case-resolve").ClickAsync();
        await Expect(quality.Locator("#case-status")).ToHaveTextAsync("Resolved");
        await Expect(quality.Locator("#case-resolution")).ToContainTextAsync("Firmware fault");
    }

    private async Task ChooseAsync(string select, string option)
    {
        await Page.Locator(select).ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = option }).First.ClickAsync();
    }
}
