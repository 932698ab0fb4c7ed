using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Desk;

/// <summary>
/// The home page is the agent's desk, beside the call card dock; supervisors also see the queues and what is at risk,
/// and work their queues on my work with filters in the address and bulk reassignment. Screenshots at 1366×768 in
/// both languages (artifacts/screenshots/desk with CAREDESK_SCREENSHOTS).
/// </summary>
public sealed class DeskTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const string Agent = "agent@demo.caredesk";

    // Words that must not show on a Chinese page: codes and English UI words the desk could leak.
    private static readonly string[] NotChinese = ["on-track", "in-progress", "waiting-on-customer", "front-line", "inbound", "outbound", "My cases", "Callbacks due", "Team queues", "Cases at risk", "Recent contacts"];

    [Theory]
    [InlineData("zh-CN", "我的工单", "今天要回电")]
    [InlineData("en", "My cases", "Callbacks due today")]
    public async Task The_home_page_is_the_agents_desk_and_the_call_card_docks_beside_it(string language, string mine, string callbacks)
    {
        var phone = TestValues.E164Mobile();
        var caller = await PhoneSystem.SeedCallerAsync(Site.Services, $"王丽 {Guid.NewGuid():N}"[..9], phone);
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(Agent);
        await UseLanguageAsync(language);
        var agentId = await UserIdAsync(Agent);
        await AddCaseAsync(caller, "血糖仪读数偏高", agentId, null, TimeProvider.System.GetUtcNow().AddMinutes(30));
        await GoToAsync("/");

        await Expect(Page.Locator("#desk-mine h6")).ToContainTextAsync(mine);
        await Expect(Page.Locator("#desk-callbacks h6")).ToHaveTextAsync(callbacks);
        await Expect(Page.Locator("#desk-supervision")).ToHaveCountAsync(0);
        await ScreenshotAsync($"desk-agent-{language}");
        await ExpectReadableAsync(language);

        // A call pops while the desk is open: the dock sits beside it, the desk makes room.
        await PhoneSystem.RingAsync(Site.BaseAddress, Agent, Guid.NewGuid().ToString("N"), phone);
        await Expect(Page.Locator($".screen-pop .caller-card[data-person-id='{caller}']")).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync(
            "() => document.querySelector('#desk').getBoundingClientRect().right <= document.querySelector('#screen-pop-dock').getBoundingClientRect().left + 1");
        var dock = (await Page.Locator("#screen-pop-dock").BoundingBoxAsync())!;
        var cases = (await Page.Locator("#desk-mine").BoundingBoxAsync())!;
        Assert.True(cases.X + cases.Width <= dock.X + 1, "my cases are under the call card dock");
        // And the desk's columns give way: no column of my cases is cut off at the edge of its box.
        Assert.True(await Page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('#desk-mine th')].every(th => th.getBoundingClientRect().right <= document.querySelector('#desk-mine').getBoundingClientRect().right + 1)"),
            "a column of my cases is cut off beside the dock");
        await ScreenshotAsync($"desk-agent-call-{language}");
        await Page.Keyboard.PressAsync("Escape");
    }

    [Theory]
    [InlineData("zh-CN", "各团队队列", "有风险的工单", "已转派 2 个工单（共 2 个）。")]
    [InlineData("en", "Team queues", "Cases at risk", "2 of 2 cases reassigned.")]
    public async Task A_supervisor_sees_the_queues_at_risk_on_the_desk_and_reassigns_a_queues_cases_in_bulk(string language, string queues, string atRisk, string done)
    {
        var person = await PhoneSystem.SeedCallerAsync(Site.Services, $"李娜 {Guid.NewGuid():N}"[..9], TestValues.E164Mobile());
        var a = await AddCaseAsync(person, "退款未到账", null, "logistics", TimeProvider.System.GetUtcNow().AddHours(-3));
        var b = await AddCaseAsync(person, "快递地址错误", null, "logistics", TimeProvider.System.GetUtcNow().AddHours(3));
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync("supervisor@demo.caredesk");
        await UseLanguageAsync(language);
        await GoToAsync("/");

        await Expect(Page.Locator("#desk-queues h6")).ToHaveTextAsync(queues);
        await Expect(Page.Locator("#desk-at-risk h6")).ToHaveTextAsync(atRisk);
        await Expect(Page.Locator($"#desk-at-risk .case-row[data-case-id='{a}']")).ToBeVisibleAsync();
        await ScreenshotAsync($"desk-supervisor-{language}");
        await ExpectReadableAsync(language);

        // From the queue's count to the queue on my work: the filter is in the address.
        await Page.Locator("#desk-queues .desk-queue[data-team-id='logistics'] td a").First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/work\\?team=logistics$"));
        await Expect(Page.Locator($"#work-results .case-row[data-case-id='{b}']")).ToBeVisibleAsync();
        await Page.Locator("#work-sort").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Nth(1).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/work\\?team=logistics&sort=opened$"));
        await ScreenshotAsync($"work-supervisor-{language}");
        await ExpectReadableAsync(language);

        // Select both, reassign them to the front line with one note.
        await Page.Locator($"#work-results .case-row[data-case-id='{a}'] .case-select-one").CheckAsync();
        await Page.Locator($"#work-results .case-row[data-case-id='{b}'] .case-select-one").CheckAsync();
        await Page.Locator("#bulk-target").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await Page.Locator("#bulk-note").FillAsync("物流部今天盘点，先交给一线处理。");
        await Page.Locator("#bulk-reassign-go").ClickAsync();
        await Expect(Page.Locator("#bulk-outcome")).ToHaveTextAsync(done);
        await ScreenshotAsync($"work-supervisor-reassigned-{language}");
        var owners = await WithDbAsync(db => db.Cases.Where(c => c.Id == a || c.Id == b).Select(c => c.OwnerTeamId).ToListAsync());
        Assert.All(owners, owner => Assert.NotEqual("logistics", owner));
    }

    [Fact]
    public async Task An_agent_picks_filters_on_my_work_keeps_them_in_the_address_and_saves_them_as_a_view()
    {
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(Agent);
        await UseLanguageAsync("zh-CN");
        await GoToAsync("/work?status=waiting-on-customer&sort=activity&order=desc");

        await Expect(Page.Locator("#work-results h6")).ToContainTextAsync("筛选结果");
        await Expect(Page.Locator(".case-select-one")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#bulk-reassign")).ToHaveCountAsync(0);
        var name = $"等客户 {Guid.NewGuid():N}"[..8];
        await Page.Locator("#saved-view-name").FillAsync(name);
        await Page.Locator("#saved-view-save").ClickAsync();
        await Expect(Page.Locator($".saved-view[data-view-name='{name}']")).ToBeVisibleAsync();

        await Page.Locator("#work-filter-clear").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/work$"));
        await Page.Locator($".saved-view[data-view-name='{name}']").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/work\\?status=waiting-on-customer&sort=activity&order=desc$"));
        await ExpectReadableAsync("zh-CN");
        await ScreenshotAsync("work-agent-zh-CN");
    }

    /// <summary>A Chinese page shows no codes or English UI words; no header wraps one character per line.</summary>
    private async Task ExpectReadableAsync(string language)
    {
        var text = await Page.Locator(".mud-main-content").InnerTextAsync();
        if (language == "zh-CN")
        {
            foreach (var word in NotChinese)
            {
                Assert.DoesNotMatch(new Regex($"\\b{Regex.Escape(word)}\\b"), text);
            }
        }

        // A header whose every line holds one character has been squeezed apart ("类/型"): count its lines.
        var wrapped = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.mud-main-content th')].filter(th => {
              const text = th.innerText.trim().replace(/\s/g, '');
              if (text.length < 2) return false;
              const range = document.createRange();
              range.selectNodeContents(th);
              const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
              return lines > 1 && lines >= text.length;
            }).map(th => th.innerText)
            """);
        Assert.Empty(wrapped);
    }

    private Task<string> UserIdAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Guid> AddCaseAsync(Guid person, string subject, string? ownerUserId, string? ownerTeamId, DateTimeOffset due) =>
        WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var opened = new Case
            {
                Number = CaseNumbers.New(),
                PersonId = person,
                Type = CaseType.TechnicalSupport,
                Subject = subject,
                Status = CaseStatus.New,
                OwnerUserId = ownerUserId,
                OwnerTeamId = ownerTeamId,
                OpenedBy = ownerUserId ?? "system",
                OpenedAt = now.AddHours(-2),
                UpdatedAt = now,
                LastActivityAt = now,
                ServicePolicyId = Guid.NewGuid(),
                FirstResponseTarget = TimeSpan.FromHours(4),
                FirstResponseDueAt = due,
                FirstResponseWarnAt = due.AddMinutes(-45),
                NextDueAt = due,
            };
            db.Cases.Add(opened);
            await db.SaveChangesAsync();
            return opened.Id;
        });

    private async Task<T> WithDbAsync<T>(Func<CareDeskDbContext, Task<T>> action)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        return await action(db);
    }
}
