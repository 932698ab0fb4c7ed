using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Complaints.ComplaintFile;
using CareDesk.Features.Complaints.Pages;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.People;
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
/// The complaint page (F16, F17): an outsourced agent sees the caller's words masked and saving keeps them; quality
/// takes a complaint out of its event with a reason; every reply is listed, the latest first.
/// </summary>
public sealed class ComplaintFilePageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private const string Words = "晚上血糖仪没有报警，孩子低血糖送了急诊。";

    public ComplaintFilePageTests()
    {
        Services.AddScoped<DurableTimers>();
        Services.AddScoped<UserClock>();
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // The page holds the reporting panel while the file is open.
        Services.AddReportability();
        Services.AddComplaintReporting();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task An_outsourced_agent_sees_the_callers_words_masked_and_saving_the_intake_keeps_them(string culture)
    {
        UseLanguage(culture);
        var id = await ComplaintAsync();
        await RecordWordsAsync(id);
        SignInAs(Roles.OutsourcedAgent);

        var page = Render<ComplaintPage>(p => p.Add(c => c.Id, id));

        page.WaitForElement("#complaint-narrative", Wait);
        Assert.StartsWith(Masking.Hidden, page.Find("#complaint-narrative").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("血糖仪", page.Markup, StringComparison.Ordinal);
        page.Find("#complaint-intake-save").Click();

        await page.InvokeAsync(() => Task.CompletedTask);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-alert-text-error")), Wait);
        Assert.Equal(Words, await WithDbAsync(db => db.Set<Complaint>().Where(c => c.Id == id).Select(c => c.Narrative).SingleAsync()));
    }

    [Fact]
    public async Task Quality_takes_a_complaint_out_of_its_event_with_a_reason()
    {
        UseLanguage("zh-CN");
        SignInAs(Roles.Quality);
        var first = await ComplaintAsync();
        var second = await ComplaintAsync();
        var linked = await RunAsync<LinkSameEvent, Result<Guid>>(l => l.RunAsync(first, new LinkSameEvent.Request(second), Actor, CancellationToken.None));
        Assert.True(linked.Succeeded, linked.Failure?.MessageKey);
        var page = Render<ComplaintPage>(p => p.Add(c => c.Id, first));
        page.WaitForElement("#complaint-unlink", Wait);

        page.Find("#complaint-unlink").Click();
        page.WaitForAssertion(() => Assert.Contains("请说明", page.Find("#complaint-event").TextContent, StringComparison.Ordinal), Wait);

        page.Find("#complaint-unlink-reason").Change("序列号读错了，是另一台设备。");
        page.Find("#complaint-unlink").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".complaint-event-member")), Wait);
        Assert.False(await WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => (c.Id == first || c.Id == second) && c.EventPrimaryId != null)));
        var entry = await WithDbAsync(db => db.CaseEntries.Join(db.Set<Complaint>().Where(c => c.Id == first), e => e.CaseId, c => c.CaseId, (e, _) => e)
            .SingleAsync(e => e.Kind == CaseEntryKind.ComplaintEventUnlinked));
        Assert.Equal(("序列号读错了，是另一台设备。", UserId), (entry.Text, entry.ActorUserId));
    }

    [Fact]
    public async Task Every_reply_is_listed_the_latest_first()
    {
        UseLanguage("en");
        SignInAs(Roles.Quality);
        var id = await ComplaintAsync();
        foreach (var (text, daysAgo) in new[] { ("We received your report.", 3), ("Your replacement is on its way.", 1) })
        {
            var replied = await RunAsync<ReplyToComplainant, Result<Guid>>(r => r.RunAsync(id, new ReplyToComplainant.Request("en", text, Clock.GetUtcNow().AddDays(-daysAgo)), Actor, CancellationToken.None));
            Assert.True(replied.Succeeded, replied.Failure?.MessageKey);
        }

        var page = Render<ComplaintPage>(p => p.Add(c => c.Id, id));

        page.WaitForElement("#complaint-reply-text", Wait);
        Assert.Equal("Your replacement is on its way.", page.Find("#complaint-reply-text").TextContent);
        Assert.Contains("We received your report.", Assert.Single(page.FindAll(".complaint-reply-earlier")).TextContent, StringComparison.Ordinal);
    }

    private StaffActor Actor => new(UserId, false);

    private async Task RecordWordsAsync(Guid id)
    {
        var recorded = await RunAsync<RecordComplaintFile, Result<Guid>>(r => r.RunAsync(id, new RecordComplaintFile.Request(Narrative: Words, NarrativeLanguage: "zh-CN"), Actor, masked: false, CancellationToken.None));
        Assert.True(recorded.Succeeded, recorded.Failure?.MessageKey);
    }

    private async Task<Guid> ComplaintAsync()
    {
        await WithDbAsync(async db =>
        {
            if (!await db.Users.AnyAsync(u => u.Id == UserId))
            {
                db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@demo", DisplayName = "孙丽华" });
            }

            return await db.SaveChangesAsync();
        });
        var person = await CreatePersonAsync("王建国");
        var opened = await RunAsync<OpenCase, Result<Guid>>(open => open.RunAsync(new OpenCase.Request(person, "question", null, "血糖仪不报警"), Actor, CancellationToken.None));
        var flagged = await RunAsync<FlagComplaint, Result<Guid>>(flag => flag.RunAsync(opened.Value, new FlagComplaint.Request(), Actor, Shanghai, CancellationToken.None));
        Assert.True(flagged.Succeeded, flagged.Failure?.MessageKey);
        return flagged.Value;
    }
}
