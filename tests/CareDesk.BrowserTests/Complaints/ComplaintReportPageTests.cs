using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Devices;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Complaints;

/// <summary>F17 export: quality opens a regulator's form from the complaint panel and prints it; the form keeps the regulator's language.</summary>
public sealed class ComplaintReportPageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Quality_opens_the_NMPA_form_in_English_and_the_FDA_form_in_Chinese_each_in_its_regulators_language_and_printable()
    {
        var serial = TestValues.Digits("SN", 8);
        var (caseId, complaintId) = await ComplaintAsync(serial);
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(DemoEmail("quality"));
        await UseLanguageAsync("en");
        await GoToAsync($"/cases/{caseId}");

        await Expect(Page.Locator("#complaint-reports")).ToContainTextAsync("Reports to regulators");
        await ScreenshotAsync("complaint-report-links-en");
        await Page.Locator("#complaint-reports .complaint-report[data-form='cn-nmpa'] a").First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/complaints/{complaintId}/reports/cn-nmpa$"));
        var sheet = Page.Locator("#report-sheet article.report-sheet");
        await Expect(sheet).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(sheet.Locator("h1")).ToHaveTextAsync("注册人医疗器械不良事件报告表");
        await Expect(sheet).ToContainTextAsync(serial);
        await Expect(sheet).ToContainTextAsync("电池两天就没电了");
        await Expect(Page.Locator("#report-print")).ToHaveTextAsync("Print");
        await ScreenshotAsync("complaint-report-cn-nmpa-en");

        // On paper only the form is left: the app's bar, menu and the page's buttons are screen-only.
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(Page.Locator("#report-actions")).ToBeHiddenAsync();
        await Expect(Page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(sheet).ToBeVisibleAsync();
        await ScreenshotAsync("complaint-report-cn-nmpa-print");
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        await UseLanguageAsync("zh-CN");
        await GoToAsync($"/complaints/{complaintId}/reports/fda-3500a");
        await Expect(sheet).ToHaveAttributeAsync("lang", "en");
        await Expect(sheet.Locator("h1")).ToContainTextAsync("MEDWATCH Form FDA 3500A");
        await Expect(sheet).ToContainTextAsync("Serial #");
        await Expect(Page.Locator("#report-print")).ToHaveTextAsync("打印");
        await Expect(Page.Locator("#report-language-note")).ToContainTextAsync("监管机构的语言");
        await ScreenshotAsync("complaint-report-fda-3500a-zh");

        await GoToAsync($"/complaints/{complaintId}/reports/medwatch");
        await Expect(Page.Locator("#report-error")).ToContainTextAsync("medwatch");
    }

    private async Task<(Guid CaseId, Guid ComplaintId)> ComplaintAsync(string serial)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var personId = await PhoneSystem.SeedCallerAsync(Site.Services, "王" + TestValues.Digits("", 4), TestValues.E164Mobile());
        var agentId = await db.Users.Where(u => u.Email == DemoEmail("agent")).Select(u => u.Id).SingleAsync();
        var agent = new StaffActor(agentId, false);
        var modelId = await db.ProductModels.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var device = await scope.ServiceProvider.GetRequiredService<RegisterDevice>()
            .RunAsync(personId, new RegisterDevice.Request(modelId, serial, TestValues.Digits("L", 6)), agent, CancellationToken.None);
        Assert.True(device.Succeeded, device.Failure?.MessageKey);
        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>()
            .RunAsync(new OpenCase.Request(personId, "question", null, "血糖仪不显示", "电池两天就没电了，夜里测不了血糖。", device.Value!.Id), agent, CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        var flagged = await scope.ServiceProvider.GetRequiredService<FlagComplaint>()
            .RunAsync(opened.Value, new FlagComplaint.Request(), agent, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), CancellationToken.None);
        Assert.True(flagged.Succeeded, flagged.Failure?.MessageKey);
        return (opened.Value, flagged.Value);
    }
}
