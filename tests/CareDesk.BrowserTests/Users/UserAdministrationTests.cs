using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Users;

public sealed class UserAdministrationTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Admin_creates_a_user_who_then_signs_in()
    {
        var email = $"new-{Guid.NewGuid():N}@example.test";
        const string password = "Browser-test-1";
        await SignInAsync(DemoEmail("admin"));

        await Page.Locator("#nav-users").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/users$"));
        await Page.Locator("#new-user").ClickAsync();
        await Page.Locator("#editor-email").FillAsync(email);
        await Page.Locator("#editor-password").FillAsync(password);
        await Page.Locator("#editor-name").FillAsync("Lena Browser");
        await Page.Locator("#editor-roles").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Expert", Exact = true }).ClickAsync();
        // A multi-select stays open after a pick; Escape closes it like a person would.
        // Under load the key can arrive while the list is still re-rendering the pick: press again until it is closed.
        for (var attempt = 0; attempt < 5 && await Page.Locator(".mud-popover-open").CountAsync() > 0; attempt++)
        {
            await Page.Keyboard.PressAsync("Escape");
            await Page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 2_000 })
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Expect(Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Page.Locator("#editor-save").ClickAsync();

        await Expect(Page.Locator("#user-editor")).ToHaveCountAsync(0);
        var row = Page.Locator("#users-table tr", new() { HasText = email });
        await Expect(row).ToContainTextAsync("Lena Browser");
        await Expect(row).ToContainTextAsync("Expert");

        var (otherContext, otherPage) = await OpenAsync();
        await using (otherContext)
        {
            await SignInAsync(otherPage, email, password);
            await Expect(otherPage.Locator("#welcome")).ToHaveTextAsync("Welcome, Lena Browser");
            await Expect(otherPage.Locator("#nav-users")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task Agent_opening_user_administration_sees_access_denied()
    {
        await SignInAsync(DemoEmail("outsourced-agent"));

        // The nav shows no link to it, so the agent types the address.
        await Expect(Page.Locator("#nav-users")).ToHaveCountAsync(0);
        await Page.GotoAsync("/admin/users");

        await Expect(Page.Locator("#access-denied")).ToBeVisibleAsync();
        await Expect(Page.Locator("#users-table")).ToHaveCountAsync(0);
    }
}
