using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Account;

/// <summary>
/// The API reference page works on a desk without internet: every script, style and font it loads comes from CareDesk
/// itself, and the browser logs no error (the base class fails the test on any console error).
/// </summary>
public sealed class ApiReferenceOfflineTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task The_api_reference_loads_nothing_from_another_host()
    {
        await SignInAsync(DemoEmail("supervisor"));
        var elsewhere = new List<string>();
        Page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != Site.BaseAddress.Authority)
            {
                lock (elsewhere)
                {
                    elsewhere.Add($"{request.ResourceType} {request.Url}");
                }
            }
        };

        var reference = await Page.GotoAsync("/api/reference/");

        Assert.Equal(200, reference?.Status);
        // The reference has rendered the document: its operations can be tried.
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Test Request") }).First).ToBeAttachedAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // "Test Request" sends the request from this browser to CareDesk itself (by default Scalar relays it, bearer token
        // and all, through its public proxy). The example's empty refresh token is refused, which the browser logs.
        ExpectErrorStatus("/api/auth/refresh", 400);
        ExpectErrorStatus("/api/auth/refresh", 401);
        var sent = Page.WaitForResponseAsync(response => new Uri(response.Url).AbsolutePath == "/api/auth/refresh");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Test Request (post /api/auth/refresh)" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Send") }).First.ClickAsync();
        Assert.Equal(Site.BaseAddress.Authority, new Uri((await sent).Url).Authority);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (elsewhere)
        {
            Assert.True(elsewhere.Count == 0, "Requests left CareDesk:\n" + string.Join("\n", elsewhere));
        }
    }
}
