using System.Security.Claims;
using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.Complaints.Reporting.Pages;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Scheduling;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>
/// Completeness during the call (F17): the complaint panel shows per market what its report still misses and asks the
/// guided questions in the agent's language; the answers are stored with who gave them and the decision follows.
/// </summary>
public sealed class ComplaintReportingPanelTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public ComplaintReportingPanelTests()
    {
        Services.AddScoped<DurableTimers>();
        Services.AddScoped<UserClock>();
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddReportability();
        Services.AddComplaints();
        Services.AddComplaintReporting();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs(Roles.Agent);
    }

    private ClaimsPrincipal Principal(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, UserId), new Claim(ClaimTypes.Role, role)], "test", ClaimTypes.Name, ClaimTypes.Role));

    private async Task<Guid> ComplaintAsync()
    {
        await WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@demo", DisplayName = "王芳" });
            return await db.SaveChangesAsync();
        });
        var person = await CreatePersonAsync("王建国");
        var actor = new StaffActor(UserId, false);
        var opened = await RunAsync<OpenCase, Result<Guid>>(open => open.RunAsync(new OpenCase.Request(person, "question", null, "血糖仪不报警"), actor, CancellationToken.None));
        var flagged = await RunAsync<FlagComplaint, Result<Guid>>(flag => flag.RunAsync(
            opened.Value, new FlagComplaint.Request(), actor, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), CancellationToken.None));
        Assert.True(flagged.Succeeded, flagged.Failure?.MessageKey);
        return flagged.Value;
    }

    [Fact]
    public async Task The_agent_sees_in_chinese_what_each_market_still_misses_answers_and_the_decision_follows()
    {
        UseLanguage("zh-CN");
        var id = await ComplaintAsync();

        var panel = RenderInLayout<ComplaintReportingPanel>(p => p.Add(c => c.ComplaintId, id).Add(c => c.User, Principal(Roles.Agent)));

        panel.WaitForElement(".reporting-market[data-market='CN']", Wait);
        var cn = panel.Find(".reporting-market[data-market='CN']");
        Assert.Equal("no", cn.GetAttribute("data-reportable"));
        Assert.Contains("尚缺：产品、事件日期、事件发生国家", cn.TextContent, StringComparison.Ordinal);
        Assert.Contains("请询问来电者：", cn.TextContent, StringComparison.Ordinal);
        Assert.Contains("是否有人受伤或身体不适？", cn.TextContent, StringComparison.Ordinal);
        // Agents ask the caller; quality's assessment questions are not theirs.
        Assert.Empty(panel.FindAll(".reporting-fact[data-fact='remedialActionNeeded']"));
        Assert.Equal("true", panel.Find(".reporting-fact[data-fact='injury']").GetAttribute("data-missing"));

        Answer(panel, "malfunction", "是");
        Answer(panel, "injury", "是");
        panel.Find("#reporting-save").Click();

        // The decision follows at once: an injury with a malfunction may be serious — reportable in China.
        panel.WaitForAssertion(() => Assert.Equal("yes", panel.Find(".reporting-market[data-market='CN']").GetAttribute("data-reportable")), Wait);
        var stored = await WithDbAsync(db => db.Set<ComplaintFact>().Where(f => f.ComplaintId == id).OrderBy(f => f.Name).Select(f => new { f.Name, f.Value, f.AnsweredBy }).ToListAsync());
        Assert.Equal([("injury", "yes", UserId), ("malfunction", "yes", UserId)], stored.Select(f => (f.Name, f.Value, f.AnsweredBy)));
        // The due date as Chinese dates are written everywhere else, not the wire's ISO text.
        var decided = panel.Find(".reporting-market[data-market='CN']").TextContent;
        Assert.Matches(@"个例不良事件报告截止于 ?2026年3月\d{1,2}日", decided);
        Assert.DoesNotContain("2026-03-", decided, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_also_answers_its_assessment_questions_in_english()
    {
        UseLanguage("en");
        var id = await ComplaintAsync();

        var panel = RenderInLayout<ComplaintReportingPanel>(p => p.Add(c => c.ComplaintId, id).Add(c => c.User, Principal(Roles.Quality)));

        panel.WaitForElement(".reporting-fact[data-fact='remedialActionNeeded']", Wait);
        Assert.Contains("Is a correction, removal or field safety corrective action needed?", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("Ask the caller: ", panel.Find(".reporting-market[data-market='US']").TextContent, StringComparison.Ordinal);
        Assert.Equal(GuidedFacts.All.Count, panel.FindAll(".reporting-fact").Count);
    }

    [Fact]
    public async Task The_agent_picks_the_product_by_its_chinese_name_with_the_keyboard_and_the_file_stores_its_catalog_id()
    {
        UseLanguage("zh-CN");
        var id = await ComplaintAsync();
        // The list opens in MudBlazor's popover provider, beside the panel as in the layout.
        var popovers = Render<MudPopoverProvider>();
        var panel = Render<ComplaintReportingPanel>(p => p.Add(c => c.ComplaintId, id).Add(c => c.User, Principal(Roles.Agent)));

        panel.WaitForElement("#reporting-product", Wait).Input("LinX");
        // MudBlazor debounces the search on the injected clock.
        Clock.Advance(TimeSpan.FromSeconds(1));
        popovers.WaitForAssertion(() => Assert.Contains("微泰 LinX 动态血糖", popovers.Find(".product-model-choice[data-model='microtech-linx-cgm']").TextContent, StringComparison.Ordinal), Wait);
        panel.Find("#reporting-product").KeyUp(new KeyboardEventArgs { Key = "Enter" });
        panel.WaitForAssertion(() => Assert.Equal("微泰 LinX 动态血糖", panel.Find("#reporting-product").GetAttribute("value")), Wait);
        panel.Find("#reporting-save").Click();

        panel.WaitForElement("#reporting-saved", Wait);
        Assert.Equal("microtech-linx-cgm", await WithDbAsync(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.ProductModelId).SingleAsync()));
        // Read again, the stored product shows by its name, never its catalog id, and "product" is no longer missing.
        panel.WaitForAssertion(() => Assert.DoesNotContain("产品、", panel.Find(".reporting-market[data-market='CN']").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("微泰 LinX 动态血糖", panel.Find("#reporting-product").GetAttribute("value"));
    }

    [Fact]
    public async Task The_picker_finds_a_model_by_its_model_number_and_shows_the_numbers_beside_the_english_name()
    {
        UseLanguage("en");
        var id = await ComplaintAsync();
        // The list opens in MudBlazor's popover provider, beside the panel as in the layout.
        var popovers = Render<MudPopoverProvider>();
        var panel = Render<ComplaintReportingPanel>(p => p.Add(c => c.ComplaintId, id).Add(c => c.User, Principal(Roles.Agent)));

        panel.WaitForElement("#reporting-product", Wait).Input("mmt 1885");
        Clock.Advance(TimeSpan.FromSeconds(1));

        popovers.WaitForAssertion(() => Assert.Single(popovers.FindAll(".product-model-choice")), Wait);
        var option = popovers.Find(".product-model-choice[data-model='minimed-780g-pump']").ParentElement!;
        Assert.Contains("MiniMed 780G insulin pump", option.TextContent, StringComparison.Ordinal);
        Assert.Contains("MMT-1885 / MMT-1895", option.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("美敦力", option.TextContent, StringComparison.Ordinal);
    }

    private static void Answer(IRenderedComponent<ComplaintReportingPanel> panel, string fact, string label) =>
        panel.FindAll($".reporting-fact[data-fact='{fact}'] button").First(b => b.TextContent.Trim() == label).Click();
}
