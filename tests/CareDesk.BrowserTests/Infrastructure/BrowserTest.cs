using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Infrastructure;

/// <summary>
/// A fresh browser context and page per test, and the steps every flow shares. What the browser reports
/// (console errors, failed requests) goes to the test output, which xunit shows when a test fails; a console error,
/// an uncaught page error or a 5xx answer fails the test even when its steps passed.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserSite site, ITestOutputHelper output) : IAsyncLifetime
{
    public const string DemoPassword = "CareDesk-demo-1";

    // Generous for a shared two-core machine: a Blazor circuit can take a few seconds to come up there.
    private const float Timeout = 20_000;

    private readonly List<string> problems = [];
    private readonly List<(string Url, int Status)> expectedErrors = [];
    private IBrowserContext? context;
    private IPage? page;
    private bool closing;

    static BrowserTest() => SetDefaultExpectTimeout(Timeout);

    protected BrowserSite Site => site;

    protected IPage Page => page ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public static string DemoEmail(string role) => $"{role}@demo.caredesk";

    public virtual async Task InitializeAsync() => (context, page) = await OpenAsync();

    public virtual async Task DisposeAsync()
    {
        // What the browser reported while the test ran, not while its pages are torn down.
        closing = true;
        if (context is not null)
        {
            await context.DisposeAsync();
        }

        string[] seen;
        lock (problems)
        {
            seen = [.. problems];
        }

        Assert.True(seen.Length == 0, "The browser reported problems:\n" + string.Join("\n", seen));
    }

    /// <summary>
    /// Says the test visits <paramref name="path"/> to see its 404: the browser's console line about that one response
    /// is then expected, not a problem. Every other error still fails the test.
    /// </summary>
    protected void ExpectNotFound(string path) => ExpectErrorStatus(path, 404);

    /// <summary>As <see cref="ExpectNotFound"/>, for a test that sees another 4xx answer on purpose.</summary>
    protected void ExpectErrorStatus(string path, int status)
    {
        lock (problems)
        {
            expectedErrors.Add((new Uri(site.BaseAddress, path).ToString(), status));
        }
    }

    private void Problem(string what)
    {
        output.WriteLine(what);
        bool expected;
        lock (problems)
        {
            expected = expectedErrors.Any(e => what.Contains($"status of {e.Status}", StringComparison.Ordinal) && what.Contains(e.Url, StringComparison.Ordinal));
        }

        if (!closing && !expected)
        {
            lock (problems)
            {
                problems.Add(what);
            }
        }
    }

    /// <summary>Another, independent browser context (no cookies), as a second browser would be.</summary>
    protected async Task<(IBrowserContext Context, IPage Page)> OpenAsync()
    {
        var newContext = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            // The sign-in page follows the browser's language; pin it so the texts the tests expect are known.
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        newContext.SetDefaultTimeout(Timeout);
        newContext.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problem($"browser error: {message.Text} ({message.Location})");
            }
            else if (message.Type == "warning")
            {
                output.WriteLine($"browser warning: {message.Text} ({message.Location})");
            }
        };
        newContext.WebError += (_, error) => Problem($"browser page error: {error.Error}");
        newContext.RequestFailed += (_, request) => output.WriteLine($"browser request failed: {request.Method} {request.Url} {request.Failure}");
        newContext.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                Problem($"browser response: {response.Status} {response.Request.Method} {response.Url}");
            }
            else if (response.Status >= 400)
            {
                output.WriteLine($"browser response: {response.Status} {response.Request.Method} {response.Url}");
            }
        };
        return (newContext, await newContext.NewPageAsync());
    }

    protected Task SignInAsync(string email, string password = DemoPassword) => SignInAsync(Page, email, password);

    /// <summary>Signs in through the (server-rendered) sign-in form and waits until the landing page is interactive.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password = DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>
    /// Switches the signed-in user to <paramref name="culture"/> (saved on the user) and waits for the page in it. Tests
    /// that read the UI in one language call it: another test may have switched the shared demo user before.
    /// </summary>
    protected Task UseLanguageAsync(string culture) => UseLanguageAsync(Page, culture);

    /// <inheritdoc cref="UseLanguageAsync(string)"/>
    protected static async Task UseLanguageAsync(IPage page, string culture)
    {
        await page.Locator($"#language-{culture}").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await WaitUntilInteractiveAsync(page);
    }

    protected Task GoToAsync(string path) => GoToAsync(Page, path);

    protected static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitUntilInteractiveAsync(page);
    }

    /// <summary>
    /// Waits until the Blazor circuit has rendered: before that, the prerendered page shows buttons that do nothing.
    /// </summary>
    protected static Task WaitUntilInteractiveAsync(IPage page) =>
        Expect(page.Locator("#app")).ToHaveAttributeAsync("data-interactive", "true");

    protected Task WaitUntilInteractiveAsync() => WaitUntilInteractiveAsync(Page);

    /// <summary>Screenshots go where <c>CAREDESK_SCREENSHOTS</c> says, or next to the test binaries.</summary>
    protected Task ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    /// <inheritdoc cref="ScreenshotAsync(string)"/>
    protected static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(
                Environment.GetEnvironmentVariable("CAREDESK_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots"),
                $"browser-{name}.png"),
            FullPage = true,
        });
}
