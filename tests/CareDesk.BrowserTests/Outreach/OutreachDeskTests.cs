using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Devices;
using CareDesk.Features.Outreach;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Outreach;

/// <summary>
/// Issue 14, story 6 in Chinese: an agent takes the next follow-up, reads the script, records the answers and the
/// consent question, and the person's page shows the ledger entry with the wording read out. Screenshots of the desk,
/// the person page and the campaigns page in both languages (artifacts/screenshots with CAREDESK_SCREENSHOTS).
/// </summary>
public sealed class OutreachDeskTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const string Agent = "agent@demo.caredesk";

    [Fact]
    public async Task An_agent_takes_the_next_follow_up_reads_the_script_and_the_consent_lands_in_the_ledger()
    {
        var (person, name, wording) = await SeedFollowUpAsync();
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(Agent);
        await UseLanguageAsync("zh-CN");
        await GoToAsync("/outreach");

        await Page.ClickAsync("#outreach-next");
        await Expect(Page.Locator("#outreach-person")).ToHaveTextAsync(name);
        await Expect(Page.Locator("#outreach-script")).ToContainTextAsync("回访专员");
        await Expect(Page.Locator(".outreach-question[data-key='consent-follow-up'] .consent-read-out")).ToContainTextAsync(wording);
        await Page.ClickAsync("#outreach-dial");
        await Expect(Page.Locator("#outreach-dialled")).ToContainTextAsync("仍由您持有");
        await Page.ClickAsync("#answer-solved-yes");
        await Page.FillAsync("#answer-satisfaction", "5");
        await Page.ClickAsync("#answer-consent-follow-up-yes");
        await ScreenshotAsync("outreach-desk-zh-CN");
        await Page.ClickAsync("#outreach-save");
        await Expect(Page.Locator("#outreach-message")).ToContainTextAsync("已保存：已接通");

        await GoToAsync($"/people/{person}");
        var entry = Page.Locator("#consent-entries tr").First;
        await Expect(entry).ToContainTextAsync(wording);
        await Expect(entry).ToContainTextAsync("通话中");
        await Expect(entry).ToContainTextAsync("已同意");
        await Page.Locator("#person-consents").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("outreach-person-ledger-zh-CN");
    }

    [Theory]
    [InlineData("zh-CN", "回访活动", "生成名单")]
    [InlineData("en", "Campaigns", "Build call list")]
    public async Task Supervisors_see_campaigns_their_call_list_and_progress_in_their_language(string language, string title, string build)
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync("supervisor@demo.caredesk");
        await UseLanguageAsync(language);
        await GoToAsync("/campaigns");

        await Expect(Page.Locator("h4")).ToHaveTextAsync(title);
        await Page.Locator("#campaign-list .mud-list-item").First.ClickAsync();
        await Expect(Page.Locator("#campaign-build")).ToHaveTextAsync(build);
        await Page.ClickAsync("#campaign-build");
        await Expect(Page.Locator("#campaign-report")).ToBeVisibleAsync();
        await ScreenshotAsync($"outreach-campaigns-{language}");
        if (language == "zh-CN")
        {
            var text = await Page.Locator("#campaign-detail").InnerTextAsync();
            Assert.DoesNotContain("service-follow-up", text, StringComparison.Ordinal);
            Assert.DoesNotContain("running", text, StringComparison.Ordinal);
        }
    }

    // A person in a time zone where it is daytime now (quiet hours are the person's), on a running follow-up campaign of
    // their own; every other campaign paused so the desk offers this one.
    private async Task<(Guid Person, string Name, string Wording)> SeedFollowUpAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-tests");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        await db.Campaigns.Where(c => c.Status == CampaignStatus.Running).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Paused));
        var hour = TimeProvider.System.GetUtcNow().Hour;
        var offset = ((14 - hour) % 24 + 24) % 24;
        offset = offset > 14 ? offset - 24 : offset;
        var zone = offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
        var name = $"回访测试{Guid.NewGuid():N}"[..10];
        var now = TimeProvider.System.GetUtcNow();
        var person = new Person { DisplayName = name, TimeZone = zone, Languages = ["zh-CN"], CreatedAt = now, UpdatedAt = now };
        var mobile = TestValues.E164Mobile();
        person.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = mobile, LastDigits = mobile[^4..], IsPrimary = true });
        db.People.Add(person);
        var model = $"bt-{Guid.NewGuid():N}"[..20];
        db.Manufacturers.Add(new CareDesk.Features.Catalog.Manufacturer { Id = model, NameEn = "Browser Test Maker" });
        db.ProductModels.Add(new CareDesk.Features.Catalog.ProductModel { Id = model, ManufacturerId = model, Category = "meter", NameEn = "Browser Test Meter" });
        db.Devices.Add(new Device { PersonId = person.Id, ModelId = model });
        db.ConsentEntries.Add(new ConsentEntry
        {
            PersonId = person.Id,
            Purpose = OutreachPurpose.ServiceFollowUp,
            Channel = OutreachChannel.Phone,
            Granted = true,
            Wording = "可以回访",
            Method = ConsentMethod.Paper,
            Source = "browser-test",
            RecordedBy = "browser-tests",
            RecordedAt = now.AddDays(-10),
        });
        var supervisor = await db.Users.Where(u => u.Email == UserSeeder.DemoEmail(Roles.Supervisor)).Select(u => u.Id).SingleAsync();
        var script = await db.Questionnaires.Where(q => q.Key == "service-follow-up").Select(q => q.Id).SingleAsync();
        var campaign = new Campaign
        {
            Name = $"浏览器测试回访 {name}",
            Purpose = OutreachPurpose.ServiceFollowUp,
            Channel = OutreachChannel.Phone,
            Target = new TargetRule(ProductIds: [model]),
            QuestionnaireId = script,
            Status = CampaignStatus.Running,
            BuiltAt = now,
            CreatedBy = supervisor,
            CreatedAt = now,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<CallList>().WriteAsync(campaign, CancellationToken.None);
        var wording = await db.ConsentTexts.Where(t => t.Purpose == OutreachPurpose.ServiceFollowUp).OrderByDescending(t => t.Version).Select(t => t.TextZh).FirstAsync();
        return (person.Id, name, wording);
    }
}
