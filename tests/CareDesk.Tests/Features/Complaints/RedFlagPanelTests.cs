using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints.RedFlags;
using CareDesk.Features.Complaints.RedFlags.Pages;
using CareDesk.Features.Staff;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>
/// The red-flag panel on the case page (F15): the six questions in the agent's language as keyboard-reachable radio
/// groups; a "yes" shows at once what to tell the caller and that the on-duty expert was alerted; every answer is listed
/// with who and when.
/// </summary>
public sealed class RedFlagPanelTests : DatabaseComponentContext
{
    private const string Expert = "expert-on-call";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public RedFlagPanelTests()
    {
        Services.AddScoped<UserClock>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs(Roles.Agent);
    }

    [Theory]
    [InlineData("en", "Did the patient go to an emergency department or stay in hospital?", "call your local emergency number now", "Emergency visit or hospital stay")]
    [InlineData("zh-CN", "患者是否去过急诊或住院？", "请立即拨打当地急救电话", "急诊或住院")]
    public async Task A_yes_shows_the_script_to_read_now_and_the_alerted_expert_and_lists_the_answers(string culture, string question, string script, string name)
    {
        UseLanguage(culture);
        var view = await OpenCaseWithExpertOnCallAsync();
        var panel = Render<RedFlagPanel>(p => p.Add(c => c.Case, view).Add(c => c.User, User()));

        Assert.Equal(RedFlags.All, panel.FindAll(".red-flag-question").Select(q => q.GetAttribute("data-flag")));
        Assert.Contains(question, panel.Find(".red-flag-question[data-flag='emergencyVisitOrHospitalStay'] legend").TextContent, StringComparison.Ordinal);
        // Three native radios per question, one group each: Tab reaches a group, the arrow keys choose within it.
        Assert.Equal(3, panel.FindAll("input[type=radio][name='red-flag-injury']").Count);
        Assert.Empty(panel.FindAll("#red-flag-scripts"));

        panel.Find("#red-flag-emergencyVisitOrHospitalStay-yes").Change(true);
        panel.Find("#red-flag-injury-no").Change(true);
        panel.Find("#red-flags-record").Click();

        panel.WaitForElement("#red-flag-scripts", Wait);
        var shown = panel.Find(".red-flag-script[data-flag='emergencyVisitOrHospitalStay']");
        Assert.Contains(script, shown.TextContent, StringComparison.Ordinal);
        Assert.Contains(name, shown.TextContent, StringComparison.Ordinal);
        Assert.Single(panel.FindAll(".red-flag-script"));
        var escalation = panel.Find("#red-flag-escalation");
        Assert.Equal("true", escalation.GetAttribute("data-started"));
        Assert.Contains("周磊", escalation.TextContent, StringComparison.Ordinal);
        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll(".red-flag-answer").Count), Wait);
        Assert.Contains("王芳", panel.Find(".red-flag-answer[data-flag='injury']").TextContent, StringComparison.Ordinal);

        var stored = await WithDbAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.CaseId == view.Id));
        Assert.Equal((Expert, EscalationStatus.Alerting), (stored.AlertedUserId, stored.Status));
        Assert.Equal(["emergencyVisitOrHospitalStay"], stored.RedFlags);
        Assert.Equal(CasePriority.Urgent, await WithDbAsync(db => db.Cases.Where(c => c.Id == view.Id).Select(c => c.Priority).SingleAsync()));
    }

    [Fact]
    public async Task Nothing_answered_is_said_and_no_only_escalates_nothing()
    {
        UseLanguage("zh-CN");
        var view = await OpenCaseWithExpertOnCallAsync();
        var panel = Render<RedFlagPanel>(p => p.Add(c => c.Case, view).Add(c => c.User, User()));

        panel.Find("#red-flags-record").Click();
        Assert.Contains("请先至少回答一个问题", panel.Find("#red-flags-error").TextContent, StringComparison.Ordinal);

        panel.Find("#red-flag-hypoglycemia-no").Change(true);
        panel.Find("#red-flags-record").Click();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".red-flag-answer[data-answer='no']")), Wait);
        Assert.Empty(panel.FindAll("#red-flag-scripts"));
        Assert.Empty(panel.FindAll("#red-flag-escalation"));
        Assert.False(await WithDbAsync(db => db.Escalations.AnyAsync(e => e.CaseId == view.Id)));
    }

    private System.Security.Claims.ClaimsPrincipal User() => new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.NameIdentifier, UserId), new(System.Security.Claims.ClaimTypes.Role, Roles.Agent)], "test"));

    private async Task<GetCase.View> OpenCaseWithExpertOnCallAsync()
    {
        await RunAsync<TeamSeeder, bool>(async seeder =>
        {
            await seeder.SeedAsync(CancellationToken.None);
            return true;
        });
        await WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@demo", DisplayName = "王芳" });
            db.Users.Add(new User { Id = Expert, UserName = "expert@demo", DisplayName = "周磊" });
            db.OnCallShifts.Add(new OnCallShift
            {
                TeamId = TeamSeeder.Experts,
                StartsAt = Clock.GetUtcNow().AddHours(-1),
                EndsAt = Clock.GetUtcNow().AddHours(11),
                PrimaryUserId = Expert,
            });
            return await db.SaveChangesAsync();
        });
        var person = await CreatePersonAsync("王建国");
        var actor = new StaffActor(UserId, false);
        var opened = await RunAsync<OpenCase, Result<Guid>>(open => open.RunAsync(
            new OpenCase.Request(person, "technical-support", null, "CGM did not alarm at night"), actor, CancellationToken.None));
        Assert.True(opened.Succeeded, opened.Failure?.MessageKey);
        var view = await RunAsync<GetCase, Result<GetCase.View>>(get => get.RunAsync(opened.Value, actor, CancellationToken.None));
        return view.Value!;
    }
}
