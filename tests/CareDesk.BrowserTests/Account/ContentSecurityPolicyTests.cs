using CareDesk.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Account;

/// <summary>The desktop works under its Content-Security-Policy: Chromium reports no violation while it runs.</summary>
public sealed class ContentSecurityPolicyTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task The_desktop_and_the_api_reference_run_without_a_policy_violation()
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await SignInAsync(DemoEmail("supervisor"));
        await GoToAsync("/staff");
        var reference = await Page.GotoAsync("/api/reference/");

        Assert.Equal(200, reference?.Status);
        await Expect(Page.Locator("body")).Not.ToBeEmptyAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
