using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Complaints;

/// <summary>
/// F16 on the complaint page, in Chinese: quality records the scanned UDI and two replies to the complainant (both kept),
/// sees the event's unlink form; the case page asks the screening question for a call nobody screened.
/// </summary>
public sealed class ComplaintFilePageTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Quality_records_a_udi_and_a_reply_in_Chinese()
    {
        var person = await PhoneSystem.SeedCallerAsync(Site.Services, "李" + TestValues.Digits("", 4), TestValues.E164Mobile());
        var (caseId, complaintId) = await FlagAsync(person);
        await SignInAsync(DemoEmail("quality"));
        await UseLanguageAsync("zh-CN");
        await Page.SetViewportSizeAsync(1366, 768);

        // The case page's complaint panel asks about the call the phone system recorded, and leads to the file.
        await GoToAsync($"/cases/{caseId}");
        await Expect(Page.Locator("#contact-screening-list")).ToContainTextAsync("尚未筛查");
        await ScreenshotAsync("complaint-case-screening-zh");
        await Page.Locator("#complaint-open-file").ClickAsync();
        await Expect(Page.Locator("#complaint-intake")).ToContainTextAsync("设备与患者");

        await Page.Locator("#complaint-udi-input").FillAsync("(01)10884521062855(17)150707");
        await Page.Locator("#complaint-intake-save").ClickAsync();
        await Expect(Page.Locator("#complaint-intake")).ToContainTextAsync("校验位错误");

        await Page.Locator("#complaint-udi-input").FillAsync("(01)10884521062856(11)141231(17)150707(10)A213B1(21)1234");
        await Page.Locator("#complaint-intake-save").ClickAsync();
        await Expect(Page.Locator("#complaint-udi-parts")).ToContainTextAsync("10884521062856");
        await Expect(Page.Locator("#complaint-lot")).ToHaveTextAsync("A213B1");
        await Expect(Page.Locator("#complaint-udi")).ToContainTextAsync("手动输入");

        await Page.Locator("#complaint-reply-input").FillAsync("您好，经检测为电池触点腐蚀，已为您更换新机。");
        await Page.Locator("#complaint-reply-save").ClickAsync();
        await Expect(Page.Locator("#complaint-reply-text")).ToHaveTextAsync("您好，经检测为电池触点腐蚀，已为您更换新机。");
        await Expect(Page.Locator("#complaint-reply-sent")).ToContainTextAsync("中文（普通话）");
        await Page.Locator("#complaint-reply-input").FillAsync("新机已寄出，请查收。");
        await Page.Locator("#complaint-reply-save").ClickAsync();
        await Expect(Page.Locator("#complaint-reply-text")).ToHaveTextAsync("新机已寄出，请查收。");
        await Expect(Page.Locator(".complaint-reply-earlier")).ToContainTextAsync("您好，经检测为电池触点腐蚀，已为您更换新机。");
        await Expect(Page.Locator("#complaint-unlink")).ToContainTextAsync("移出此事件");
        await ScreenshotAsync("complaint-file-zh");

        await UseLanguageAsync("en");
        await GoToAsync($"/complaints/{complaintId}");
        await Expect(Page.Locator("#complaint-reply-sent")).ToContainTextAsync("Chinese (Mandarin)");
        await ScreenshotAsync("complaint-file-en");
        await GoToAsync($"/cases/{caseId}");
        await Expect(Page.Locator("#contact-screening-list")).ToContainTextAsync("Not yet screened");
        await ScreenshotAsync("complaint-case-screening-en");
    }

    private async Task<(Guid Case, Guid Complaint)> FlagAsync(Guid personId)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var agentId = await db.Users.Where(u => u.Email == DemoEmail("agent")).Select(u => u.Id).SingleAsync();
        var actor = new StaffActor(agentId, false);
        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>()
            .RunAsync(new OpenCase.Request(personId, "question", null, "动态血糖仪夜间没有报警"), actor, CancellationToken.None);
        var flagged = await scope.ServiceProvider.GetRequiredService<FlagComplaint>()
            .RunAsync(opened.Value, new FlagComplaint.Request(), actor, TimeZoneInfo.Utc, CancellationToken.None);
        Assert.True(flagged.Succeeded, flagged.Failure?.MessageKey);
        // A call the phone system recorded (no screening answer), put on the case afterwards.
        var call = await scope.ServiceProvider.GetRequiredService<LogContact>().RunAsync(
            new LogContact.Request("phone", "inbound", PersonId: personId), new PersonViewer(agentId, false, false), "telephony", CancellationToken.None);
        Assert.True(call.Succeeded, call.Failure?.MessageKey);
        Assert.True((await scope.ServiceProvider.GetRequiredService<LinkContactToCase>().RunAsync(opened.Value, new LinkContactToCase.Request(call.Value!.Contact.Id), actor, CancellationToken.None)).Succeeded);
        // The same event told by another reporter: linked, so quality sees the unlink form.
        var other = await scope.ServiceProvider.GetRequiredService<OpenCase>()
            .RunAsync(new OpenCase.Request(personId, "question", null, "医院反馈同一台血糖仪"), actor, CancellationToken.None);
        var otherComplaint = await scope.ServiceProvider.GetRequiredService<FlagComplaint>()
            .RunAsync(other.Value, new FlagComplaint.Request(), actor, TimeZoneInfo.Utc, CancellationToken.None);
        Assert.True((await scope.ServiceProvider.GetRequiredService<CareDesk.Features.Complaints.ComplaintFile.LinkSameEvent>()
            .RunAsync(flagged.Value, new CareDesk.Features.Complaints.ComplaintFile.LinkSameEvent.Request(otherComplaint.Value), actor, CancellationToken.None)).Succeeded);
        return (opened.Value, flagged.Value);
    }
}
