using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Catalog;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Outreach;

/// <summary>
/// Issue 14, F21a in Chinese: quality creates a recall on the recalls page (a serial range that starts after it ends is
/// refused under its end field), starts it, sees the effectiveness report and the affected devices, and records one
/// owner's confirmation and another's device returned. Screenshots of the page in both languages (with CAREDESK_SCREENSHOTS).
/// </summary>
public sealed class RecallPageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Quality_creates_a_recall_in_Chinese_starts_it_and_sees_its_effectiveness()
    {
        var (model, modelName) = await SeedAsync();
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync("quality@demo.caredesk");
        await UseLanguageAsync("zh-CN");
        await GoToAsync("/recalls");
        await Expect(Page.Locator("h4")).ToHaveTextAsync("召回与安全通知");

        var name = $"浏览器测试召回 {model[^6..]}";
        await Page.FillAsync("#recall-name", name);
        await Page.FillAsync("#recall-summary-zh", "部分血糖仪在低温下读数偏高，请停止使用并联系我们更换。");
        await Page.FillAsync("#recall-summary-en", "Some meters read high in the cold: stop using it and call us for a replacement.");
        await Page.FillAsync("#recall-model", modelName);
        // Chosen with the keyboard, as the picker is made for: the one match is highlighted, Enter takes it.
        await Expect(Page.Locator($".product-model-choice[data-model='{model}']")).ToBeVisibleAsync();
        await Page.PressAsync("#recall-model", "Enter");
        await Expect(Page.Locator("#recall-model-add")).ToBeEnabledAsync();
        await Page.ClickAsync("#recall-model-add");
        await Expect(Page.Locator($"#recall-models [data-model='{model}']")).ToBeVisibleAsync();
        await Page.ClickAsync("#recall-range-add");
        await Page.FillAsync("#recall-range-0-start", "RC20");
        await Page.FillAsync("#recall-range-0-end", "RC10");
        await Page.ClickAsync("#recall-create");

        // The server's refusal stands under the field it names, serialRanges[0].end.
        await Expect(Page.Locator("#new-recall")).ToContainTextAsync("区间的起点在终点之后（RC20 在 RC10 之后）。");
        await ScreenshotAsync("recalls-new-error-zh-CN");
        await Page.FillAsync("#recall-range-0-start", "RC10");
        await Page.FillAsync("#recall-range-0-end", "RC29");
        await Page.ClickAsync("#recall-create");

        await Expect(Page.Locator("#recall-detail h5")).ToHaveTextAsync(name);
        await Expect(Page.Locator("#recall-status")).ToHaveTextAsync("草稿");
        await Expect(Page.Locator("#recall-devices")).ToContainTextAsync("尚无设备");
        await Page.ClickAsync("#recall-start");
        await Expect(Page.Locator("#recall-start")).ToContainTextAsync("再次点击以启动");
        await Page.ClickAsync("#recall-start");

        await Expect(Page.Locator("#recall-status")).ToHaveTextAsync("进行中");
        await Expect(Page.Locator("#recall-message")).ToContainTextAsync("已启动：2 台设备，2 人");
        await Expect(Page.Locator("#recall-effect-people")).ToContainTextAsync("受影响 2");
        await Expect(Page.Locator("#recall-check")).ToContainTextAsync("深度 A：须有 100% 的人员确认已理解通知，目前为 0%。");
        await Expect(Page.Locator("#recall-device-table .recall-device")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#recall-device-table")).ToContainTextAsync("选中依据：序列号区间");

        // Outside a call: one owner confirmed on a reply form.
        await Page.Locator("#recall-device-table .recall-device").First.Locator(".recall-device-confirm").ClickAsync();
        await Expect(Page.Locator("#recall-check")).ToContainTextAsync("目前为 50%");
        await Expect(Page.Locator("#recall-effect-table .recall-bar-row[data-measure='Confirmed'] td[data-of='people']")).ToContainTextAsync("1 (50%)");
        await Expect(Page.Locator(".recall-device-progress [data-step='StepConfirmed']")).ToHaveTextAsync("已确认理解");
        await Page.Locator("#recall-device-table .recall-device").Last.Locator(".recall-device-returned").ClickAsync();
        await Expect(Page.Locator("#recall-effect-table .recall-bar-row[data-measure='ReturnedOrCorrected'] td[data-of='devices']")).ToContainTextAsync("1 (50%)");
        await ScreenshotAsync("recalls-started-zh-CN");
        var text = await Page.Locator("#recall-detail").InnerTextAsync();
        Assert.DoesNotContain("running", text, StringComparison.Ordinal);
        Assert.DoesNotContain("serial-range", text, StringComparison.Ordinal);

        await UseLanguageAsync("en");
        await Page.Locator("#recall-list .mud-list-item").Filter(new() { HasText = name }).ClickAsync();
        await Expect(Page.Locator("#recall-status")).ToHaveTextAsync("Running");
        await Expect(Page.Locator("#recall-effect-people")).ToContainTextAsync("2 affected");
        await ScreenshotAsync("recalls-started-en");
    }

    // A model of its own with three devices: two in RC10–RC29 (their owners have a number), one outside the range.
    private async Task<(string Model, string Name)> SeedAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-tests");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var model = $"rc-{Guid.NewGuid():N}"[..20];
        var name = $"Recall Meter {model[^6..]}";
        db.Manufacturers.Add(new Manufacturer { Id = model, NameEn = "Browser Test Maker" });
        db.ProductModels.Add(new ProductModel { Id = model, ManufacturerId = model, Category = "meter", NameEn = name });
        var now = TimeProvider.System.GetUtcNow();
        foreach (var (person, serial) in new[] { ("召回测试甲", "RC12"), ("召回测试乙", "RC25"), ("召回测试丙", "RC40") })
        {
            var owner = new Person { DisplayName = person, TimeZone = "Asia/Shanghai", Languages = ["zh-CN"], CreatedAt = now, UpdatedAt = now };
            var mobile = TestValues.E164Mobile();
            owner.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = mobile, LastDigits = mobile[^4..], IsPrimary = true });
            db.People.Add(owner);
            db.Devices.Add(new Device { PersonId = owner.Id, ModelId = model, SerialNumber = serial });
        }

        await db.SaveChangesAsync();
        return (model, name);
    }
}
