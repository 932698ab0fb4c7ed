using System.Globalization;
using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Complaints;

/// <summary>
/// Issue 12's flow end to end, in Chinese: a daughter reports that her father's CGM did not alarm and that he was taken
/// to the emergency department in the night. The agent logs her call with the screening answer "yes", asks the red-flag
/// questions, reads the script to her, and the case is urgent and with the on-duty expert (F15). Quality then records
/// the product, where it happened and the facts on the complaint file; the Chinese and EU reports owed count down on
/// quality's due list and leave it once submitted with the regulator's reference (F16, F17).
/// </summary>
public sealed class RedFlagIntakeTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    // Sold in China and the EU (the test saves that profile): an event in China is reported to NMPA, and the field
    // safety corrective action quality decides on is reported in the EU too.
    private const string Product = "microtech-linx-cgm";

    [Fact]
    public async Task A_daughter_reports_a_silent_CGM_and_a_night_at_the_hospital_it_goes_urgently_to_the_expert_and_quality_submits_the_CN_and_EU_reports()
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

        // Quality opens the complaint file: the product by its Chinese name (keyboard), the night before, in China, the facts.
        var complaint = await ComplaintOfAsync(caseId);
        await SoldInChinaAndTheEuOnlyAsync();
        var (qualityContext, quality) = await OpenAsync();
        await using var closeQuality = qualityContext;
        await quality.SetViewportSizeAsync(1366, 768);
        await SignInAsync(quality, DemoEmail("quality"));
        await UseLanguageAsync(quality, "zh-CN");
        await GoToAsync(quality, $"/complaints/{complaint.Id}");
        await quality.Locator("#reporting-product").FillAsync("LinX");
        await Expect(quality.Locator(".product-model-choice[data-model='microtech-linx-cgm']")).ToContainTextAsync("微泰 LinX 动态血糖");
        await quality.Locator("#reporting-product").PressAsync("Enter");
        await Expect(quality.Locator("#reporting-product")).ToHaveValueAsync("微泰 LinX 动态血糖");
        await quality.Locator("#reporting-event-date").FillAsync(complaint.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await quality.Locator("#reporting-country").FillAsync("CN");
        foreach (var fact in Facts.Keys)
        {
            await quality.Locator($".reporting-fact[data-fact='{fact}'] button", new PageLocatorOptions { HasTextRegex = new Regex("^是$") }).ClickAsync();
        }

        await quality.Locator("#reporting-save").ClickAsync();
        await Expect(quality.Locator("#reporting-saved")).ToBeVisibleAsync();
        await Expect(quality.Locator(".reporting-market[data-market='CN'][data-reportable='yes']")).ToContainTextAsync("个例不良事件报告截止于");
        await Expect(quality.Locator(".reporting-market[data-market='EU'][data-reportable='yes']")).ToContainTextAsync("现场安全纠正措施报告截止于");
        await ScreenshotAsync(quality, "quality-complaint-file-zh");

        // Her due list counts the Chinese and EU reports down, each due on the day the rules give for this awareness.
        var owed = await OwedAsync(complaint);
        Assert.Contains(owed, o => o.Market == "CN");
        Assert.Contains(owed, o => o.Market == "EU");
        await GoToAsync(quality, "/quality/obligations");
        var rows = quality.Locator("tr.obligation", new PageLocatorOptions { HasText = number });
        await Expect(rows).ToHaveCountAsync(owed.Count);
        foreach (var (market, kind, due) in owed)
        {
            var row = quality.Locator($"tr.obligation[data-market='{market}'][data-kind='{kind}']", new PageLocatorOptions { HasText = number });
            await Expect(row.Locator(".obligation-due")).ToHaveTextAsync(Dates.Format(due, Chinese));
            await Expect(row.Locator(".obligation-left")).ToContainTextAsync("还剩");
        }

        await ScreenshotAsync(quality, "quality-obligations-zh");

        // Submitted, each with the regulator's reference: it leaves the open list.
        foreach (var (market, kind, _) in owed)
        {
            var row = quality.Locator($"tr.obligation[data-market='{market}'][data-kind='{kind}']", new PageLocatorOptions { HasText = number });
            await row.Locator(".obligation-reference input").FillAsync($"{market}-{kind}-{suffix}");
            await row.Locator(".obligation-submit").ClickAsync();
            await Expect(row).ToHaveCountAsync(0);
        }

        await Expect(rows).ToHaveCountAsync(0);
        Assert.All(await ReferencesAsync(complaint.Id), r => Assert.Equal($"{r.Market}-{r.Kind}-{suffix}", r.Reference));

        // The same case in English, for the screenshots of both languages.
        await UseLanguageAsync("en");
        await GoToAsync($"/cases/{caseId}");
        await Expect(Page.Locator("#red-flags")).ToContainTextAsync("Did the patient go to an emergency department or stay in hospital?");
        await Expect(escalation.Locator(".red-flag-badge")).ToContainTextAsync("Red flag: Emergency visit or hospital stay");
        await ScreenshotAsync("intake-red-flag-case-en");
    }

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static readonly Dictionary<string, string?> Facts = new(StringComparer.Ordinal)
    {
        ["malfunction"] = "yes",
        ["injury"] = "yes",
        ["hospitalization"] = "yes",
        ["remedialActionNeeded"] = "yes",
    };

    private sealed record ComplaintSeen(Guid Id, DateTimeOffset AwarenessAt, string Zone, DateOnly EventDate);

    /// <summary>The file the screening opened; its awareness is the call's start, and the event was the night before.</summary>
    private async Task<ComplaintSeen> ComplaintOfAsync(Guid caseId)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var found = await db.Set<Complaint>().Where(c => c.CaseId == caseId).Select(c => new { c.Id, c.AwarenessAt, c.ReceivingTimeZone }).SingleAsync();
        var local = TimeZoneInfo.ConvertTime(found.AwarenessAt, TimeZoneInfo.FindSystemTimeZoneById(found.ReceivingTimeZone));
        return new ComplaintSeen(found.Id, found.AwarenessAt, found.ReceivingTimeZone, DateOnly.FromDateTime(local.DateTime).AddDays(-1));
    }

    private async Task SoldInChinaAndTheEuOnlyAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var qualityId = await db.Users.Where(u => u.Email == DemoEmail("quality")).Select(u => u.Id).SingleAsync();
        var current = await scope.ServiceProvider.GetRequiredService<GetRegulatoryProfile>().RunAsync(Product, CancellationToken.None);
        var saved = await scope.ServiceProvider.GetRequiredService<SaveRegulatoryProfile>().RunAsync(Product, new RegulatoryProfile(current.Value!.Version,
        [
            new RegulatoryMarket("US", false, null, null, null, null, null),
            new RegulatoryMarket("EU", true, false, "MDR", "IIb", null, null),
            new RegulatoryMarket("CN", true, false, null, "III", null, false),
        ]), new StaffActor(qualityId, false), CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Failure?.MessageKey);
    }

    /// <summary>The reports the rules owe for this awareness and these facts, as the engine decides without storing anything.</summary>
    private async Task<List<(string Market, string Kind, DateOnly Due)>> OwedAsync(ComplaintSeen complaint)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        var assessed = await scope.ServiceProvider.GetRequiredService<AssessReportability>().RunAsync(
            new AssessReportability.Request(Product, "CN", null, new AssessReportability.AwarenessInput(complaint.AwarenessAt, complaint.Zone), Facts),
            CancellationToken.None);
        Assert.True(assessed.Succeeded, assessed.Failure?.MessageKey);
        return [.. assessed.Value!.Markets.SelectMany(m => m.Obligations.Select(o => (m.Market, o.Kind, DateOnly.ParseExact(o.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture))))];
    }

    private async Task<List<(string Market, string Kind, string? Reference)>> ReferencesAsync(Guid complaintId)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var rows = await db.Set<RegulatoryObligation>().Where(o => o.ComplaintId == complaintId && o.Status == ObligationStatus.Submitted)
            .Select(o => new { o.Market, o.Kind, o.Reference }).ToListAsync();
        Assert.NotEmpty(rows);
        return [.. rows.Select(r => (r.Market, r.Kind, r.Reference))];
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
