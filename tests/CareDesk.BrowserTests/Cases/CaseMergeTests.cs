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

namespace CareDesk.BrowserTests.Cases;

/// <summary>The same problem reported twice: the agent links the duplicate by the number the caller reads out, then merges it.</summary>
public sealed class CaseMergeTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const string Supervisor = "supervisor@demo.caredesk";

    [Fact]
    public async Task A_duplicate_is_linked_by_number_then_merged_and_its_page_points_to_the_case_that_goes_on()
    {
        var person = await PhoneSystem.SeedCallerAsync(Site.Services, "Mary " + Guid.NewGuid().ToString("N")[..6], TestValues.E164Mobile());
        var duplicate = await OpenAsync(person, "Pump alarm (second call)");
        var target = await OpenAsync(person, "Pump alarm");
        await SignInAsync(Supervisor);
        await GoToAsync($"/cases/{duplicate.Id}");

        await Page.Locator("#case-link-number").FillAsync(target.Number.ToLowerInvariant());
        await Page.Locator("#case-link").ClickAsync();
        await Expect(Page.Locator("#case-links .case-link")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".timeline-entry[data-kind='linked']")).ToHaveCountAsync(1);

        // Merging needs a note; with one, the duplicate is closed and points to the case that goes on.
        await Page.Locator("#case-link-number").FillAsync(target.Number);
        await Page.Locator("#case-merge").ClickAsync();
        // Wait for the refusal (the note field marked in error) before typing the note, so the answer to the first click
        // cannot arrive after the second.
        await Expect(Page.Locator("#case-links .mud-input-error").First).ToBeVisibleAsync();
        await Expect(Page.Locator(".timeline-entry[data-kind='merged']")).ToHaveCountAsync(0);
        await Page.Locator("#case-merge-note").FillAsync("Same pump, same alarm");
        await Page.Locator("#case-merge").ClickAsync();
        await Expect(Page.Locator(".timeline-entry[data-kind='merged']")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#case-status")).ToHaveTextAsync(new Regex("Closed|已关闭"));
        await Expect(Page.Locator("#case-merged-into")).ToContainTextAsync(target.Number);
        await ScreenshotAsync("case-merged");

        await Page.Locator("#case-merged a").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/cases/{target.Id}$"));
        await Expect(Page.Locator("#case-links .case-link[data-merge='merged-here']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_supervisor_sees_the_findings_and_acknowledges_the_last_shift_handover()
    {
        await SignInAsync(Supervisor);

        await GoToAsync("/findings");
        await Expect(Page.Locator("#findings, #findings-none")).ToBeVisibleAsync();

        // The detector's job runs at start: the boundary that passed last already has its report.
        await GoToAsync("/handovers");
        await Expect(Page.Locator("#handovers .handover").First).ToBeVisibleAsync();
        await Page.Locator("#handover-questions").FillAsync("Watch the pump alarm cases");
        await Page.Locator("#handover-save-questions").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar")).ToBeVisibleAsync();
        await Page.Locator("#handover-acknowledge").ClickAsync();
        await Expect(Page.Locator("#handover-acknowledged")).ToBeVisibleAsync();
        await Expect(Page.Locator("#handover-questions")).ToHaveValueAsync("Watch the pump alarm cases");

        await ScreenshotAsync("handover");
    }

    private async Task<(Guid Id, string Number)> OpenAsync(Guid personId, string subject)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var supervisorId = await db.Users.Where(u => u.Email == Supervisor).Select(u => u.Id).SingleAsync();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>()
            .RunAsync(new OpenCase.Request(personId, "technical-support", null, subject), new StaffActor(supervisorId, false), CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        var number = await db.Cases.Where(c => c.Id == opened.Value).Select(c => c.Number).SingleAsync();
        return (opened.Value, CaseNumbers.Display(number));
    }
}
