using System.Globalization;
using Microsoft.Playwright;

namespace CareDesk.Bench.Desks;

/// <summary>
/// One headless Chromium holding the agent's open desks: pages of the desktop, each with its own Blazor circuit, all
/// signed in as the same agent. Desks are spread over a few browser contexts (each signed in through the form), so no
/// browser-side connection limit decides what is measured.
/// </summary>
internal sealed class DeskBrowser : IAsyncDisposable
{
    // Debian's Chromium, never a browser downloaded by Playwright (as in the browser tests).
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int DesksPerContext = 25;

    // Records, in each page, when a call's card (or the quick-create button of an unknown number) first appears, and
    // which it was: the browser's clock on the same machine as the webhook sender, so polling adds nothing.
    private const string WatchPops = """
        () => {
          window.__popSeen = {};
          window.__popKind = {};
          new MutationObserver(() => {
            const pop = document.querySelector('.screen-pop');
            if (!pop || pop.dataset.callId in window.__popSeen) return;
            const kind = pop.querySelector('.caller-card') ? 'card' : pop.querySelector('.screen-pop-quick-create') ? 'new' : null;
            if (kind) { window.__popSeen[pop.dataset.callId] = Date.now(); window.__popKind[pop.dataset.callId] = kind; }
          }).observe(document.body, { childList: true, subtree: true, attributes: true });
        }
        """;

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly Uri baseAddress;
    private readonly string agent;
    private readonly string password;
    private readonly string deskPath;
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<IPage> desks = [];

    private DeskBrowser(IPlaywright playwright, IBrowser browser, Uri baseAddress, string agent, string password, string deskPath)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.baseAddress = baseAddress;
        this.agent = agent;
        this.password = password;
        this.deskPath = deskPath;
    }

    public int Count => desks.Count;

    public static async Task<DeskBrowser> LaunchAsync(Uri baseAddress, string agent, string password, string deskPath)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-extensions"],
        });
        return new DeskBrowser(playwright, browser, baseAddress, agent, password, deskPath);
    }

    /// <summary>Opens desks until <paramref name="count"/> are open and interactive; false when memory ran short first.</summary>
    public async Task<bool> OpenAsync(int count, long minFreeMb)
    {
        var started = TimeProvider.System.GetUtcNow();
        while (desks.Count < count)
        {
            if (AvailableMb() < minFreeMb)
            {
                return false;
            }

            if (desks.Count % DesksPerContext == 0)
            {
                desks.Add(await SignInAsync());
                continue;
            }

            // A few at a time: a circuit's first render takes the host's CPU, and the machine has two cores.
            var batch = Math.Min(4, Math.Min(count - desks.Count, DesksPerContext - desks.Count % DesksPerContext));
            var context = contexts[^1];
            desks.AddRange(await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => OpenDeskAsync(context))));
        }

        Console.WriteLine($"{desks.Count} desks open and interactive ({(TimeProvider.System.GetUtcNow() - started).TotalSeconds:F1} s to open; "
            + $"{AvailableMb()} MB of memory available)");
        return true;
    }

    /// <summary>Rings one call at the agent and returns, per desk, the milliseconds from the POST to the pop on screen.</summary>
    public async Task<List<double>> RingAndWaitAsync(PhoneSystem phones, string from, bool expectCard)
    {
        var callId = Guid.NewGuid().ToString("N");
        var sent = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await phones.RingAsync(callId, from);
        var wait = new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = 60_000 };
        await Task.WhenAll(desks.Select(d => d.WaitForFunctionAsync("id => id in window.__popSeen", callId, wait)));
        var latencies = new List<double>();
        foreach (var desk in desks)
        {
            var seen = await desk.EvaluateAsync<long>("id => window.__popSeen[id]", callId);
            var kind = await desk.EvaluateAsync<string>("id => window.__popKind[id]", callId);
            if (kind != (expectCard ? "card" : "new"))
            {
                throw new InvalidOperationException($"Call {callId} from {from} showed '{kind}' on a desk, expected {(expectCard ? "a caller card" : "quick create")}.");
            }

            latencies.Add(seen - sent);
        }

        return latencies;
    }

    /// <summary>Leaves every desk the way a person closing the tab does (Blazor tells the host the circuit is gone).</summary>
    public async Task CloseAllAsync()
    {
        foreach (var desk in desks)
        {
            await desk.GotoAsync("about:blank");
            await desk.CloseAsync();
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        desks.Clear();
        contexts.Clear();
    }

    private async Task<IPage> SignInAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(60_000);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(agent);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForSelectorAsync("#app[data-interactive='true']");
        if (deskPath != "/")
        {
            await page.GotoAsync(deskPath);
            await page.WaitForSelectorAsync("#app[data-interactive='true']");
        }

        await page.EvaluateAsync(WatchPops);
        return page;
    }

    private async Task<IPage> OpenDeskAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(deskPath);
        await page.WaitForSelectorAsync("#app[data-interactive='true']");
        await page.EvaluateAsync(WatchPops);
        return page;
    }

    private static long AvailableMb()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
