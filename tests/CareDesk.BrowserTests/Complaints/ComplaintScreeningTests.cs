using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Complaints;

/// <summary>F15 on the case page: the agent answers the screening question, quality clears a flag with a reason.</summary>
public sealed class ComplaintScreeningTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task The_agent_records_a_complaint_in_Chinese_and_quality_clears_it_with_a_reason()
    {
        var person = await PhoneSystem.SeedCallerAsync(Site.Services, "王" + TestValues.Digits("", 4), TestValues.E164Mobile());
        var caseId = await OpenAsync(person);
        await SignInAsync(DemoEmail("agent"));
        await UseLanguageAsync("zh-CN");
        await GoToAsync($"/cases/{caseId}");

        await Expect(Page.Locator("#complaint-screening-question")).ToContainTextAsync("来电者是否反映设备故障");
        await ScreenshotAsync("complaint-screening-zh");
        await Page.Locator("#complaint-flag").ClickAsync();
        await Expect(Page.Locator("#complaint-active")).ToBeVisibleAsync();
        await Expect(Page.Locator("#complaint-awareness")).ToContainTextAsync("知悉时间");
        await Expect(Page.Locator(".timeline-entry[data-kind='complaint-flagged']")).ToHaveCountAsync(1);
        // The agent may not clear it: only quality may.
        await Expect(Page.Locator("#complaint-clear")).ToHaveCountAsync(0);
        await ScreenshotAsync("complaint-flagged-zh");

        var (qualityContext, quality) = await OpenAsync();
        await using var closing = qualityContext;
        await SignInAsync(quality, DemoEmail("quality"));
        await GoToAsync(quality, $"/cases/{caseId}");
        await quality.Locator("#complaint-clear").ClickAsync();
        await Expect(quality.Locator("#case-complaint")).ToContainTextAsync(new Regex("Say why|请说明"));
        await Expect(quality.Locator("#complaint-active")).ToBeVisibleAsync();
        await quality.Locator("#complaint-clear-reason-input").FillAsync("Asked how to set the clock; no deficiency alleged.");
        await quality.Locator("#complaint-clear").ClickAsync();
        await Expect(quality.Locator("#complaint-cleared")).ToBeVisibleAsync();
        await Expect(quality.Locator("#complaint-clear-reason")).ToContainTextAsync("no deficiency alleged");
        await Expect(quality.Locator(".timeline-entry[data-kind='complaint-cleared']")).ToHaveCountAsync(1);
    }

    private async Task<Guid> OpenAsync(Guid personId)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var agentId = await db.Users.Where(u => u.Email == DemoEmail("agent")).Select(u => u.Id).SingleAsync();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>()
            .RunAsync(new OpenCase.Request(personId, "question", null, "电池两天就没电了"), new StaffActor(agentId, false), CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        return opened.Value;
    }
}
