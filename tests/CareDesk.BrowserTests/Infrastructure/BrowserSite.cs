using Microsoft.Playwright;

namespace CareDesk.BrowserTests.Infrastructure;

/// <summary>
/// One CareDesk host and one Chromium for all browser tests (<see cref="BrowserCollection"/>); each test opens
/// its own browser context (<see cref="BrowserTest"/>), so cookies never leak between tests. Tests share the
/// database: a test that changes a demo user owns that user, and data a test creates has unique names.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    // Debian's Chromium, never a browser downloaded by Playwright.
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly CareDeskServer server = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress => server.BaseAddress;

    /// <summary>The host's services, for a test that must prepare data no page can make (a fact recorded long ago).</summary>
    public IServiceProvider Services => server.Services;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public async Task InitializeAsync()
    {
        server.Start();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await server.DisposeAsync();
    }
}

/// <summary>
/// One collection, so the host and Chromium start once and the tests run one after another:
/// starting them per class costs more than the tests, and the machine is small.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
