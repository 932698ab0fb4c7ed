using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Catalog;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Features.Telephony;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
            const pop = document.querySelector('#screen-pop');
            if (pop && (pop.querySelector('.caller-card') || pop.querySelector('#screen-pop-quick-create'))
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

        var card = Page.Locator($"#screen-pop .caller-card[data-person-id='{person}']");
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

        var quickCreate = Page.Locator("#screen-pop #screen-pop-quick-create");
        await Expect(quickCreate).ToBeVisibleAsync();
        await Expect(quickCreate).ToHaveAttributeAsync("href", $"people/new?phone={Uri.EscapeDataString(phone)}");
        await Expect(Page.Locator("#screen-pop .caller-card")).ToHaveCountAsync(0);
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
            await Expect(Page.Locator($"#screen-pop[data-call-id='{callId}'] .caller-card").First).ToBeVisibleAsync();
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

    private static string NewPhone() => $"+86139{Random.Shared.Next(10_000_000, 99_999_999)}";

    private async Task RingAsync(string callId, string from)
    {
        var body = JsonSerializer.Serialize(new
        {
            eventId = NewId(),
            callId,
            type = "ringing",
            from,
            to = "+864008001234",
            agent = Agent,
            at = TimeProvider.System.GetUtcNow(),
        });
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(
            WebhookSignature.Compute(TelephonyOptions.DemoWebhookSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var client = new HttpClient { BaseAddress = Site.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telephony/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A caller who is hard of hearing, cares for someone and has a meter under warranty.</summary>
    private async Task<Guid> SeedCallerAsync(string name, string phone)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        var now = TimeProvider.System.GetUtcNow();
        var caller = new Person { DisplayName = name, Kind = PersonKind.Caregiver, CreatedAt = now, UpdatedAt = now, Accessibility = new AccessibilityNeeds { HardOfHearing = true } };
        caller.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = phone, LastDigits = phone[^4..] });
        var patient = new Person { DisplayName = "Cared-for " + name, Kind = PersonKind.Patient, CreatedAt = now, UpdatedAt = now };
        db.People.AddRange(caller, patient);
        db.Relationships.Add(new Relationship { FromPersonId = caller.Id, ToPersonId = patient.Id, Kind = RelationshipKind.CaregiverOf });
        var modelId = "pop-meter-" + NewId();
        if (!await db.Manufacturers.AnyAsync(m => m.Id == "pop-test"))
        {
            db.Manufacturers.Add(new Manufacturer { Id = "pop-test", NameEn = "Pop Test" });
        }

        db.ProductModels.Add(new ProductModel { Id = modelId, ManufacturerId = "pop-test", Category = "bg_meter", NameEn = "Pop Meter", NameZh = "测试血糖仪", WarrantyMonths = 24 });
        db.Devices.Add(new Device { PersonId = caller.Id, ModelId = modelId, SerialNumber = "SN-POP-1", PurchaseDate = DateOnly.FromDateTime(now.UtcDateTime), WarrantyEnd = DateOnly.FromDateTime(now.UtcDateTime).AddYears(2) });
        await db.SaveChangesAsync();
        return caller.Id;
    }
}
