using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Staff;

/// <summary>F26: a supervisor plans who is on call on the roster's week view.</summary>
public sealed class RosterPageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task A_supervisor_adds_an_on_call_shift_with_a_backup_and_it_appears_in_the_week()
    {
        await SignInAsync(DemoEmail("supervisor"));
        await GoToAsync("/roster");

        // Three weeks ahead, past the demo roster's week, so the new shift overlaps nothing.
        for (var i = 0; i < 3; i++)
        {
            var week = await Page.Locator("#roster-week-of").InnerTextAsync();
            await Page.Locator("#roster-next").ClickAsync();
            await Expect(Page.Locator("#roster-week-of")).Not.ToHaveTextAsync(week);
        }

        var monday = DateOnly.ParseExact(await Page.Locator(".roster-day").First.GetAttributeAsync("data-day") ?? "", "yyyy-MM-dd", null);
        var wednesday = monday.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Page.Locator("#roster-starts").FillAsync($"{wednesday}T20:00");
        await Page.Locator("#roster-ends").FillAsync($"{monday.AddDays(3):yyyy-MM-dd}T08:00");
        await ChooseAsync("#roster-primary", new Regex(UserSeeder.DemoName(Roles.Expert)));
        await ChooseAsync("#roster-backup", new Regex(UserSeeder.DemoName(Roles.Supervisor)));
        await Page.Locator("#roster-backup-add").ClickAsync();
        await Expect(Page.Locator(".roster-backup-item")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".roster-backup-item")).ToContainTextAsync(new Regex(UserSeeder.DemoName(Roles.Supervisor)));
        await Page.Locator("#roster-save").ClickAsync();

        var shift = Page.Locator($".roster-day[data-day='{wednesday}'] .roster-shift");
        await Expect(shift).ToHaveCountAsync(1);
        await Expect(shift.Locator(".roster-primary")).ToContainTextAsync(new Regex(UserSeeder.DemoName(Roles.Expert)));
        await Expect(shift.Locator(".roster-backups")).ToContainTextAsync(new Regex(UserSeeder.DemoName(Roles.Supervisor)));
        await Expect(shift.Locator(".roster-times")).ToContainTextAsync("20:00");
        await Expect(Page.Locator("#roster-error")).ToHaveCountAsync(0);
        await ScreenshotAsync("roster-shift-added");
    }

    private async Task ChooseAsync(string select, Regex option)
    {
        // One list open at a time: a list still closing would take the click meant for the next one.
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Page.Locator(select).ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextRegex = option }).First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
