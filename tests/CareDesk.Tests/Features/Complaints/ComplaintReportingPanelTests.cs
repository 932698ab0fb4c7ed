using System.Security.Claims;
using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.Complaints.Reporting.Pages;
using CareDesk.Features.Devices;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Scheduling;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Contains("个例不良事件报告截止于", panel.Find(".reporting-market[data-market='CN']").TextContent, StringComparison.Ordinal);
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

    private static void Answer(IRenderedComponent<ComplaintReportingPanel> panel, string fact, string label) =>
        panel.FindAll($".reporting-fact[data-fact='{fact}'] button").First(b => b.TextContent.Trim() == label).Click();
}
