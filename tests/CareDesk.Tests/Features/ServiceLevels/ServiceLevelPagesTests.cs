using System.Security.Claims;
using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Cases.Pages;
using CareDesk.Features.ServiceLevels;
using CareDesk.Features.ServiceLevels.Pages;
using CareDesk.Tests.Components;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Tests.Features.ServiceLevels;

public sealed class ServiceLevelPagesTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("en", "Breached", "Warning", "Paused", "No target")]
    [InlineData("zh-CN", "已超时", "预警", "已暂停", "无目标")]
    public void A_case_list_shows_each_cases_service_level_and_next_due_time_in_the_users_language(
        string culture, string breached, string warning, string paused, string none)
    {
        UseLanguage(culture);
        var due = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        CaseSummary Summary(string state, DateTimeOffset? next) => new(
            Guid.NewGuid(), "K7M2-Q9XD", Guid.NewGuid(), "王丽", "question", "normal", "in-progress", "Strips", new OwnerView("user", "u", "Agent"),
            due.AddHours(-2), due.AddHours(-1), state, next);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tz", "Asia/Shanghai")], "test"));

        var list = Render<CaseList>(p => p
            .Add(x => x.Cases, [Summary("breached", due), Summary("warning", due.AddHours(1)), Summary("paused", null), Summary("none", null)])
            .Add(x => x.User, user));

        var badges = list.FindAll(".service-level");
        Assert.Equal(["breached", "warning", "paused", "none"], badges.Select(b => b.GetAttribute("data-state")));
        Assert.Equal([breached, warning, paused, none], badges.Select(b => b.QuerySelector(".mud-chip")!.TextContent.Trim()));
        Assert.Equal(2, list.FindAll(".service-level-due").Count);
    }

    [Fact]
    public async Task A_supervisor_changes_a_policys_target_on_the_page_and_an_agent_only_reads_it()
    {
        UseLanguage("en");
        await RunAsync<ServiceLevelSeeder, bool>(async seeder =>
        {
            await seeder.SeedAsync(CancellationToken.None);
            return true;
        });
        var fallback = await WithDbAsync(db => db.ServicePolicies.SingleAsync(p => p.MatchKey == "*/*"));

        SignInAs("agent");
        var read = RenderInLayout<ServiceLevelsPage>();
        read.WaitForAssertion(() => Assert.Equal(5, read.FindAll(".service-level-policy").Count), Wait);
        Assert.Empty(read.FindAll(".policy-edit"));
        Assert.Contains("Asia/Shanghai", read.Find("[data-calendar-id=cn-office]").TextContent, StringComparison.Ordinal);

        SignInAs("supervisor");
        var page = Render<ServiceLevelsPage>(); // the popover provider is there from the first render
        page.WaitForElement($"[data-policy-id='{fallback.Id}'] .policy-edit", Wait).Click();
        page.Find("#policy-warn-share").Change("1.2");
        page.Find("#policy-save").Click();
        page.WaitForAssertion(() => Assert.Equal("warnShare", page.Find("#service-levels-error").GetAttribute("data-field")), Wait);

        page.Find("#policy-warn-share").Change("0.75");
        page.Find("#policy-first-response").Change("300");
        page.Find("#policy-save").Click();
        page.WaitForAssertion(() => Assert.Equal("300", page.Find($"[data-policy-id='{fallback.Id}'] .policy-first-response").TextContent.Trim()), Wait);
        var saved = await WithDbAsync(db => db.ServicePolicies.SingleAsync(p => p.Id == fallback.Id));
        Assert.Equal((TimeSpan.FromHours(5), 0.75), (saved.FirstResponse, saved.WarnShare));
        Assert.NotEqual(fallback.Version, saved.Version);
    }
}
