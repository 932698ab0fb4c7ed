using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Account;

public sealed class LanguageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Agent_switches_from_Chinese_to_English_and_keeps_it_after_reload_and_sign_in_again()
    {
        // The demo agent's saved language is Chinese: the first page after sign-in is in Chinese.
        await SignInAsync(DemoEmail("agent"));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.Locator("#welcome")).ToHaveTextAsync(new Regex("^欢迎"));
        await ScreenshotAsync("home-zh-CN");

        await Page.Locator("#language-en").ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await WaitUntilInteractiveAsync();
        await Expect(Page.Locator("#welcome")).ToHaveTextAsync(new Regex("^Welcome, "));
        await Expect(Page.Locator("#language-en")).ToHaveAttributeAsync("aria-pressed", "true");
        await ScreenshotAsync("home-en");

        await Page.ReloadAsync();
        await WaitUntilInteractiveAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("#welcome")).ToHaveTextAsync(new Regex("^Welcome, "));

        await Page.Locator("#sign-out").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login$"));
        await Expect(Page.Locator("#sign-in")).ToBeVisibleAsync();

        // A second browser has no language cookie: English there proves the choice is saved on the user.
        var (otherContext, otherPage) = await OpenAsync();
        await using (otherContext)
        {
            await SignInAsync(otherPage, DemoEmail("agent"));
            await Expect(otherPage.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(otherPage.Locator("#welcome")).ToHaveTextAsync(new Regex("^Welcome, "));
        }
    }
}
