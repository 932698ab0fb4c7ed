using System.Security.Claims;
using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Audit;

public sealed class AuditLogTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Admin_verifies_the_audit_chain_and_is_told_it_is_intact()
    {
        await SignInAsync(DemoEmail("admin"));
        await UseLanguageAsync("en");

        await Page.Locator("#nav-audit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/audit$"));
        await Page.Locator("#audit-verify").ClickAsync();

        await Expect(Page.Locator("#audit-verify-result")).ToHaveTextAsync(new Regex(@"^The chain is intact: \d+ entries checked\.$"));
    }

    [Theory]
    [InlineData("zh-CN", "{0} 将 {1} 的号码或地址 从 *** 改为 ***", "{0} 将 工单 {1} 的主题 从 {2} 改为 {3}")]
    [InlineData("en", "{0} changed {1}'s number or address from *** to ***", "{0} changed case {1}'s subject from {2} to {3}")]
    public async Task Changes_read_as_sentences_in_the_readers_language_with_links_and_the_raw_record_unescaped_in_the_details(
        string language, string phoneSentence, string subjectSentence)
    {
        var agentName = UserSeeder.DemoName(Roles.Agent);
        var name = "赵桂兰 " + Guid.NewGuid().ToString("N")[..6];
        var (person, phone) = await SeedPersonAsync(name);
        var records = await DemoRecords.SeedAsync(Site.Services);
        var (number, oldSubject) = await AsAgentAsync(async db =>
        {
            (await db.ContactPoints.SingleAsync(c => c.Id == phone)).Value = TestValues.E164Mobile();
            var @case = await db.Cases.SingleAsync(c => c.Id == records.Case);
            var before = (@case.Number, @case.Subject);
            @case.Subject = "A1c+ 试纸 " + Guid.NewGuid().ToString("N")[..4];
            return before;
        });
        var newSubject = await WithDbAsync(db => db.Cases.Where(c => c.Id == records.Case).Select(c => c.Subject).SingleAsync());
        await SignInAsync(DemoEmail("admin"));
        await UseLanguageAsync(language);
        await GoToAsync("/admin/audit");

        await Page.Locator("#audit-entity-id").FillAsync(phone.ToString());
        await Page.Locator("#audit-search").ClickAsync();
        var sentence = Page.Locator(".audit-sentence[data-action='updated']").First;
        await Expect(sentence).ToHaveTextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, phoneSentence, agentName, name));
        await Expect(sentence.Locator("a")).ToHaveAttributeAsync("href", $"people/{person}");
        await ScreenshotAsync($"audit-sentences-{language}");

        await Page.Locator("#audit-entity-id").FillAsync(records.Case.ToString());
        await Page.Locator("#audit-search").ClickAsync();
        var changed = Page.Locator(".audit-sentence[data-action='updated']", new() { HasText = newSubject }).First;
        await Expect(changed).ToHaveTextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, subjectSentence, agentName, number, oldSubject, newSubject));
        await Expect(changed.Locator("a")).ToHaveAttributeAsync("href", $"cases/{records.Case}");
        // The stored record stays readable for auditors: every field, the "+" and the Chinese as they are.
        var row = Page.Locator("#audit-table tr", new() { Has = changed });
        await row.Locator(".audit-details summary").ClickAsync();
        await Expect(row.Locator(".audit-changes")).ToContainTextAsync($"\"new\": \"{newSubject}\"");
        await Expect(row.Locator(".audit-changes")).Not.ToContainTextAsync("\\u002B");
    }

    private async Task<(Guid Person, Guid Phone)> SeedPersonAsync(string name)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-tests");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        var now = TimeProvider.System.GetUtcNow();
        var person = new Person { DisplayName = name, Kind = PersonKind.Patient, CreatedAt = now, UpdatedAt = now };
        var phone = TestValues.E164Mobile();
        var point = new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = phone, LastDigits = phone[^4..] };
        person.ContactPoints.Add(point);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return (person.Id, point.Id);
    }

    // A change made by the demo agent, as their request would make it: the audit names them.
    private async Task<T> AsAgentAsync<T>(Func<CareDeskDbContext, Task<T>> change)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        var agent = await db.Users.SingleAsync(u => u.Email == DemoEmail(Roles.Agent));
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetUser(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, agent.Id), new Claim(ClaimTypes.Name, agent.Email!)], "test")));
        var result = await change(db);
        await db.SaveChangesAsync();
        return result;
    }

    private async Task<T> WithDbAsync<T>(Func<CareDeskDbContext, Task<T>> read)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        return await read(db);
    }
}
