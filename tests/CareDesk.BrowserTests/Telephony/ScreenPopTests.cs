using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Telephony;

/// <summary>The caller found before "hello" (F9): a signed ringing event pops the caller on the agent's open desktop.</summary>
public sealed class ScreenPopTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const string Agent = "agent@demo.caredesk";

    // Records, in the page, when each call's card (or quick-create button) first appears: the browser's own clock
    // on the same machine as the test, so POST → visible is measured without Playwright's polling in between.
    private const string WatchPops = """
        () => {
          window.__popSeen = {};
          new MutationObserver(() => {
            const pop = document.querySelector('.screen-pop');
            if (pop && (pop.querySelector('.caller-card') || pop.querySelector('.screen-pop-quick-create'))
                && !(pop.dataset.callId in window.__popSeen)) {
              window.__popSeen[pop.dataset.callId] = Date.now();
            }
          }).observe(document.body, { childList: true, subtree: true, attributes: true });
        }
        """;

    private readonly ITestOutputHelper output = output;

    [Fact]
    public async Task A_ringing_call_pops_the_callers_card_and_one_click_opens_the_profile()
    {
        var phone = NewPhone();
        var person = await SeedCallerAsync($"王建国 {Guid.NewGuid():N}"[..12], phone);
        await SignInAsync(Agent);

        await RingAsync(NewId(), phone);

        var card = Page.Locator($".screen-pop .caller-card[data-person-id='{person}']");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator(".caller-card-accessibility")).ToBeVisibleAsync();
        await Expect(card.Locator(".caller-card-device")).ToContainTextAsync("SN-POP-1");
        await Expect(card.Locator(".caller-card-cares-for")).ToContainTextAsync("Cared-for");
        // One click opens the Person 360 page (client-side navigation inside the circuit).
        await card.Locator(".caller-card-open").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/people/{person}$"));
        await Expect(Page.Locator("#person-name")).ToContainTextAsync("王建国");
    }

    [Fact]
    public async Task An_unknown_number_offers_quick_create_with_the_number_filled_in()
    {
        var phone = NewPhone();
        await SignInAsync(Agent);

        await RingAsync(NewId(), phone);

        var quickCreate = Page.Locator(".screen-pop .screen-pop-quick-create");
        await Expect(quickCreate).ToBeVisibleAsync();
        await Expect(quickCreate).ToHaveAttributeAsync("href", $"people/new?phone={Uri.EscapeDataString(phone)}");
        await Expect(Page.Locator(".screen-pop .caller-card")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("zh-CN", "来电（2）", "振铃中")]
    [InlineData("en", "Calls (2)", "ringing")]
    public async Task The_card_docks_beside_the_page_it_opened_takes_focus_stacks_a_second_call_and_answers_the_keyboard(string language, string title, string ringing)
    {
        var phone = NewPhone();
        var person = await SeedCallerAsync($"王丽 {Guid.NewGuid():N}"[..9], phone);
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(Agent);
        await Page.Locator($"#language-{language}").ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await WaitUntilInteractiveAsync();

        var first = NewId();
        await RingAsync(first, phone);

        // The card takes the focus as it pops, and shows this call as ringing, not as a past contact.
        var firstCard = Page.Locator($".screen-pop[data-call-id='{first}']");
        await Expect(firstCard).ToBeFocusedAsync();
        await Expect(firstCard.Locator($".caller-card[data-person-id='{person}'] .caller-card-live")).ToHaveAttributeAsync("data-state", "ringing");
        await Expect(firstCard.Locator($".caller-card[data-person-id='{person}'] .caller-card-live")).ToContainTextAsync(ringing);
        await Expect(firstCard.Locator($".caller-card[data-person-id='{person}'] .caller-card-contact")).ToHaveCountAsync(0);

        // The person page it opens is not hidden: the page makes room for the dock.
        await firstCard.Locator($".caller-card[data-person-id='{person}'] .caller-card-open").ClickAsync();
        await Expect(Page.Locator("#person-name")).ToContainTextAsync("王丽");
        // (The page's margin moves with a transition: wait for it to settle.)
        await Page.WaitForFunctionAsync(
            "() => document.querySelector('.mud-main-content').getBoundingClientRect().right <= document.querySelector('#screen-pop-dock').getBoundingClientRect().left + 1");
        var dock = (await Page.Locator("#screen-pop-dock").BoundingBoxAsync())!;
        var name = (await Page.Locator("#person-name").BoundingBoxAsync())!;
        Assert.True(name.X + name.Width <= dock.X, "the person's name is under the dock");

        // A second call goes on top; the first folds to its header and stays.
        var second = NewId();
        await RingAsync(second, NewPhone());
        await Expect(Page.Locator(".screen-pop")).ToHaveCountAsync(2);
        await Expect(Page.Locator(".screen-pop").First).ToHaveAttributeAsync("data-call-id", second);
        await Expect(Page.Locator($".screen-pop[data-call-id='{second}']")).ToBeFocusedAsync();
        await Expect(firstCard).ToHaveClassAsync(new Regex("collapsed"));
        await Expect(Page.Locator("#screen-pop-focus")).ToHaveTextAsync(title);
        await ScreenshotAsync($"call-card-stack-{language}");

        // Esc closes the focused card; the first opens again. Alt+C brings the focus back to it from the page.
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.Locator(".screen-pop")).ToHaveCountAsync(1);
        await Expect(firstCard).ToHaveClassAsync(new Regex("expanded"));
        await Page.Locator("#person-name").ClickAsync();
        await Expect(firstCard).Not.ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Alt+c");
        await Expect(firstCard).ToBeFocusedAsync();
        await ScreenshotAsync($"call-card-person-page-{language}");

        // Minimised, the dock gives the page its width back.
        await Page.Locator("#screen-pop-minimise").ClickAsync();
        await Expect(Page.Locator("#screen-pop-dock")).ToHaveAttributeAsync("data-state", "minimised");
        await Page.WaitForFunctionAsync("() => document.querySelector('.mud-main-content').getBoundingClientRect().right > 1300");
        await Page.Locator("#screen-pop-focus").ClickAsync();
        await Expect(firstCard).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.Locator("#screen-pop-dock")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Webhook_to_visible_card_is_measured()
    {
        const int Calls = 20;
        var phone = NewPhone();
        await SeedCallerAsync("Latency Caller", phone);
        await SignInAsync(Agent);
        await Page.EvaluateAsync(WatchPops);

        var latencies = new List<long>();
        for (var i = 0; i < Calls; i++)
        {
            var callId = NewId();
            var sent = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            await RingAsync(callId, phone);
            await Expect(Page.Locator($".screen-pop[data-call-id='{callId}'] .caller-card").First).ToBeVisibleAsync();
            var seen = await Page.EvaluateAsync<long>("id => window.__popSeen[id]", callId);
            latencies.Add(seen - sent);
        }

        // The first pops warm up the circuit's query path; the budget is for a desktop in use.
        var sorted = latencies.Skip(2).Order().ToList();
        long Percentile(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        output.WriteLine($"screen pop, webhook POST → card visible, {sorted.Count} calls: p50 {Percentile(0.5)} ms, p95 {Percentile(0.95)} ms, max {sorted[^1]} ms (all: {string.Join(", ", latencies)})");
        // A regression guard, not the 150 ms budget: the test machine is shared and often loaded far beyond its cores.
        // The figure to compare with the budget is the one written above, on a quiet machine (docs/telephony.md).
        Assert.True(Percentile(0.95) <= 3000, $"p95 {Percentile(0.95)} ms");
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static string NewPhone() => TestValues.E164Mobile();

    private Task RingAsync(string callId, string from) => PhoneSystem.RingAsync(Site.BaseAddress, Agent, callId, from);

    private Task<Guid> SeedCallerAsync(string name, string phone) => PhoneSystem.SeedCallerAsync(Site.Services, name, phone);
}
