using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
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

/// <summary>
/// F15 at intake, in Chinese: a daughter reports that her father's CGM did not alarm and that he was taken to the
/// emergency department in the night. The agent logs her call with the screening answer "yes", asks the red-flag
/// questions, reads the script to her, and the case is urgent and with the on-duty expert.
/// </summary>
public sealed class RedFlagIntakeTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task A_daughter_reports_a_silent_CGM_and_a_night_at_the_hospital_and_the_case_goes_urgently_to_the_expert()
    {
        var suffix = TestValues.Digits("", 4);
        var father = await SeedFamilyAsync("王建国" + suffix, "王丽" + suffix);
        var caseId = await OpenAsync(father, "CGM夜间低血糖未报警");
        var (expertContext, expert) = await OpenAsync();
        await using var closeExpert = expertContext;
        await SignInAsync(expert, DemoEmail("expert"));
        await SignInAsync(DemoEmail("agent"));
        await UseLanguageAsync("zh-CN");
        await Page.SetViewportSizeAsync(1366, 768);

        // The daughter's call, logged on her father's record, about his case: she alleges the device failed.
        await GoToAsync($"/people/{father}");
        await Page.Locator("#contact-log-open").ClickAsync();
        await ChooseAsync("#log-contact-direction", new Regex("呼入"));
        await Page.Locator("#log-contact-subject").FillAsync("女儿王丽来电：CGM夜里没有报警，父亲凌晨被送去急诊");
        await ChooseAsync("#log-contact-case", new Regex("CGM夜间低血糖未报警"));
        await Expect(Page.Locator("#log-contact-screening")).ToContainTextAsync("来电者是否反映设备有问题？");
        await Page.Locator("#log-contact-screening-yes").CheckAsync();
        await ScreenshotAsync("intake-contact-screening-zh");
        await Page.Locator("#log-contact-red-flags").ClickAsync();

        // The case page opens at the red-flag questions, asked in Chinese; the screening answer made it a complaint.
        await Expect(Page).ToHaveURLAsync(new Regex($"cases/{caseId}\\?contact="));
        await WaitUntilInteractiveAsync();
        await Expect(Page.Locator("#complaint-active")).ToBeVisibleAsync();
        var hospital = Page.Locator(".red-flag-question[data-flag='emergencyVisitOrHospitalStay']");
        await Expect(hospital).ToContainTextAsync("患者是否去过急诊或住院？");
        // By keyboard: the radio group takes the focus, the arrow key moves to the next answer.
        await Page.Locator("#red-flag-injury-yes").FocusAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Page.Locator("#red-flag-injury-no")).ToBeCheckedAsync();
        await hospital.Locator("#red-flag-emergencyVisitOrHospitalStay-yes").CheckAsync();
        await ScreenshotAsync("intake-red-flags-asked-zh");
        await Page.Locator("#red-flags-record").ClickAsync();

        // What to tell her now, and that the on-duty expert has it.
        var scripts = Page.Locator("#red-flag-scripts");
        await Expect(scripts).ToContainTextAsync("请立即告诉来电者");
        await Expect(scripts.Locator(".red-flag-script[data-flag='emergencyVisitOrHospitalStay']")).ToContainTextAsync("请立即拨打当地急救电话");
        await Expect(Page.Locator("#red-flag-escalation[data-started='true']")).ToContainTextAsync(UserSeeder.DemoName(Roles.Expert));
        await Expect(Page.Locator("#case-priority")).ToHaveTextAsync("紧急");
        var escalation = Page.Locator(".case-escalation[data-status='alerting']");
        await Expect(escalation.Locator(".red-flag-badge")).ToContainTextAsync("危险信号：急诊或住院");
        await Expect(Page.Locator(".red-flag-answer[data-flag='emergencyVisitOrHospitalStay'][data-answer='yes']")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".timeline-entry[data-kind='red-flags-screened']")).ToContainTextAsync("急诊或住院：是");
        await ScreenshotAsync("intake-red-flag-script-zh");

        // The expert's desktop shows the alert live, saying it is a red flag and which one.
        var number = (await Page.Locator("#case-number").TextContentAsync())!.Trim();
        var alert = expert.Locator(".escalation-alert", new PageLocatorOptions { HasText = number });
        await Expect(alert.Locator(".red-flag-badge")).ToContainTextAsync(new Regex("Red flag: Emergency visit or hospital stay|危险信号：急诊或住院"));

        // The same case in English, for the screenshots of both languages.
        await UseLanguageAsync("en");
        await GoToAsync($"/cases/{caseId}");
        await Expect(Page.Locator("#red-flags")).ToContainTextAsync("Did the patient go to an emergency department or stay in hospital?");
        await Expect(escalation.Locator(".red-flag-badge")).ToContainTextAsync("Red flag: Emergency visit or hospital stay");
        await ScreenshotAsync("intake-red-flag-case-en");
    }

    /// <summary>A MudSelect keeps its id on a hidden input; the visible box around it opens the list. One list open at a time.</summary>
    private async Task ChooseAsync(string select, Regex option)
    {
        await Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Page.Locator(select).Locator("xpath=..").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextRegex = option }).First.ClickAsync();
    }

    private async Task<Guid> SeedFamilyAsync(string fatherName, string daughterName)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        var now = TimeProvider.System.GetUtcNow();
        var father = new Person { DisplayName = fatherName, Kind = PersonKind.Patient, CreatedAt = now, UpdatedAt = now };
        var daughter = new Person { DisplayName = daughterName, Kind = PersonKind.Caregiver, CreatedAt = now, UpdatedAt = now };
        var phone = TestValues.E164Mobile();
        daughter.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = phone, LastDigits = phone[^4..] });
        db.People.AddRange(father, daughter);
        db.Relationships.Add(new Relationship { FromPersonId = daughter.Id, ToPersonId = father.Id, Kind = RelationshipKind.CaregiverOf });
        await db.SaveChangesAsync();
        return father.Id;
    }

    private async Task<Guid> OpenAsync(Guid personId, string subject)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var agentId = await db.Users.Where(u => u.Email == DemoEmail("agent")).Select(u => u.Id).SingleAsync();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>()
            .RunAsync(new OpenCase.Request(personId, "technical-support", null, subject), new StaffActor(agentId, false), CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        return opened.Value;
    }
}
