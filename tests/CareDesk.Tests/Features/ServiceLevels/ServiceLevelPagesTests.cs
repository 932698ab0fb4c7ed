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
        Assert.Contains("UTC+08:00", read.Find("[data-calendar-id=cn-office]").TextContent, StringComparison.Ordinal);

        SignInAs("supervisor");
        var page = Render<ServiceLevelsPage>(); // the popover provider is there from the first render
        page.WaitForElement($"[data-policy-id='{fallback.Id}'] .policy-edit", Wait).Click();
        page.Find("#policy-warn-share").Change("120");
        page.Find("#policy-save").Click();
        page.WaitForAssertion(() => Assert.Equal("warnShare", page.Find("#service-levels-error").GetAttribute("data-field")), Wait);

        page.Find("#policy-warn-share").Change("75");
        page.Find("#policy-first-response").Change("300");
        page.Find("#policy-save").Click();
        page.WaitForAssertion(() => Assert.Equal("5 h", page.Find($"[data-policy-id='{fallback.Id}'] .policy-first-response").TextContent.Trim()), Wait);
        Assert.Equal("75%", page.Find($"[data-policy-id='{fallback.Id}'] .policy-warn-share").TextContent.Trim());
        var saved = await WithDbAsync(db => db.ServicePolicies.SingleAsync(p => p.Id == fallback.Id));
        Assert.Equal((TimeSpan.FromHours(5), 0.75), (saved.FirstResponse, saved.WarnShare));
        Assert.NotEqual(fallback.Version, saved.Version);
    }

    [Fact]
    public async Task A_supervisor_edits_a_calendars_office_hours_with_the_field_named_on_a_mistake_and_a_conflict_shown()
    {
        UseLanguage("en");
        await RunAsync<ServiceLevelSeeder, bool>(async seeder =>
        {
            await seeder.SeedAsync(CancellationToken.None);
            return true;
        });
        SignInAs("supervisor");
        var page = Render<ServiceLevelsPage>();
        page.WaitForElement("[data-calendar-id=cn-office] .calendar-edit", Wait).Click();
        // Seeded cn-office: 09:00–12:00 and 13:00–18:00 on each weekday.
        Assert.Equal(10, page.FindAll(".office-hours").Count);

        page.Find("#office-hours-0-closes").Change("25:00");
        page.Find("#calendar-save").Click();
        page.WaitForAssertion(() => Assert.Equal("officeHours[0].closes", page.Find("#service-levels-error").GetAttribute("data-field")), Wait);
        page.Find("#office-hours-0-closes").Change("08:00");
        page.Find("#calendar-save").Click();
        page.WaitForAssertion(() => Assert.Contains("close after it opens", page.Find("#service-levels-error").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("officeHours[0].closes", page.Find("#service-levels-error").GetAttribute("data-field"));

        // One interval shorter, one removed, one added (Saturday morning after the last Friday interval).
        page.Find("#office-hours-0-closes").Change("11:30");
        page.FindAll(".office-hours-remove")[1].Click();
        page.Find("#office-hours-add").Click();
        Assert.Equal(10, page.FindAll(".office-hours").Count);
        page.Find("#office-hours-9-opens").Change("09:00");
        page.Find("#office-hours-9-closes").Change("12:00");
        page.Find("#calendar-save").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#calendar-save")), Wait);
        var saved = await WithDbAsync(db => db.ServiceCalendars.SingleAsync(c => c.Id == "cn-office"));
        var hours = saved.Hours();
        Assert.Equal(10, hours.Count);
        Assert.Contains(new OfficeHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 30)), hours);
        Assert.DoesNotContain(new OfficeHours(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(18, 0)), hours);
        Assert.Contains(new OfficeHours(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(12, 0)), hours);

        // Someone else saved the calendar meanwhile: the conflict is shown and the page reloads what is stored.
        page.Find("[data-calendar-id=cn-office] .calendar-edit").Click();
        await WithDbAsync(async db =>
        {
            var stored = await db.ServiceCalendars.SingleAsync(c => c.Id == "cn-office");
            stored.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
            return true;
        });
        page.Find("#office-hours-0-opens").Change("08:00");
        page.Find("#calendar-save").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#calendar-save")), Wait);
        Assert.NotEmpty(page.Find("#service-levels-error").TextContent);
        Assert.Contains(new OfficeHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 30)),
            (await WithDbAsync(db => db.ServiceCalendars.SingleAsync(c => c.Id == "cn-office"))).Hours());
    }
}
