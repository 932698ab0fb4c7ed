using CareDesk.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Account;

/// <summary>An unknown address answers 404 with a page inside the desktop's own layout and the way back, in the user's language.</summary>
public sealed class NotFoundPageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Theory]
    [InlineData("agent", "zh-CN", "页面不存在", "查找客户")]
    [InlineData("supervisor", "en", "Page not found", "Find a person")]
    public async Task An_unknown_address_shows_a_friendly_page_in_the_app_layout(string role, string language, string title, string findPerson)
    {
        await SignInAsync(DemoEmail(role));
        await UseLanguageAsync(language);
        ExpectNotFound("/no-such-page/at-all");

        var response = await Page.GotoAsync("/no-such-page/at-all");

        Assert.Equal(404, response?.Status);
        await Expect(Page.Locator("#not-found h1")).ToHaveTextAsync(title);
        // The app's layout: the top bar with the signed-in user and the navigation are there.
        await Expect(Page.Locator("#user-name")).ToBeVisibleAsync();
        await Expect(Page.Locator(".mud-drawer nav, .mud-drawer .mud-navmenu").First).ToBeVisibleAsync();
        await Expect(Page.Locator("#not-found-people")).ToHaveTextAsync(findPerson);
        await ScreenshotAsync($"not-found-{role}");

        await Page.Locator("#not-found-people").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/people$"));
    }
}
