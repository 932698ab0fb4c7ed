using System.Globalization;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>
/// Quality's due list (F17) as quality reads it: each report's legal last day, the time left, and a button that says
/// what it does. Before: a day clock showed its stored <c>DueAt</c>, the midnight after the last day, so every report
/// looked due a day later than the law says.
/// </summary>
public sealed class ObligationsPageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public ObligationsPageTests()
    {
        Services.AddScoped<DurableTimers>();
        Services.AddScoped<UserClock>();
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddReportability();
        Services.AddComplaints();
        Services.AddComplaintReporting();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs(Roles.Quality);
    }

    [Theory]
    [InlineData("zh-CN", "还剩", "标记为已提交")]
    [InlineData("en", "in ", "Mark submitted")]
    public async Task A_day_clock_shows_its_legal_last_day_and_the_time_left(string culture, string left, string submit)
    {
        UseLanguage(culture);
        await ReportableInChinaAsync();
        var due = await WithDbAsync(db => db.Set<RegulatoryObligation>().Where(o => o.Kind == "cn-individual").Select(o => o.Due).SingleAsync());

        var page = RenderInLayout<ObligationsPage>();

        var row = page.WaitForElement(".obligation[data-market='CN'][data-kind='cn-individual']", Wait);
        Assert.Equal(Dates.Format(DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture)), row.QuerySelector(".obligation-due")!.TextContent.Trim());
        Assert.StartsWith(left, row.QuerySelector(".obligation-left")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(submit, row.QuerySelector(".obligation-submit")!.TextContent.Trim());
        // At 1366 px the button and the report's name wrapped ("标记为已 / 提交"): neither may now.
        Assert.Contains("white-space:nowrap", row.QuerySelector(".obligation-submit")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("min-width", row.QuerySelector(".obligation-kind")!.GetAttribute("style"), StringComparison.Ordinal);
    }

    /// <summary>A hospital stay after a CGM that did not alarm, in China: a Chinese individual report, 20 days.</summary>
    private async Task ReportableInChinaAsync()
    {
        await WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@demo", DisplayName = "赵敏" });
            return await db.SaveChangesAsync();
        });
        var person = await CreatePersonAsync("王建国");
        var actor = new StaffActor(UserId, false);
        var opened = await RunAsync<OpenCase, Result<Guid>>(open => open.RunAsync(new OpenCase.Request(person, "question", null, "动态血糖不报警"), actor, CancellationToken.None));
        var complaint = await RunAsync<FlagComplaint, Result<Guid>>(flag => flag.RunAsync(
            opened.Value, new FlagComplaint.Request(), actor, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), CancellationToken.None));
        var version = await WithDbAsync(db => db.Set<Complaint>().Where(c => c.Id == complaint.Value).Select(c => c.Version).SingleAsync());
        var facts = new Dictionary<string, string?> { ["malfunction"] = "yes", ["injury"] = "yes", ["hospitalization"] = "yes" };
        var recorded = await RunAsync<RecordFacts, Result<Guid>>(record => record.RunAsync(
            complaint.Value, new RecordFacts.Request(version.ToString(), "microtech-linx-cgm", null, "CN", null, facts), actor, CancellationToken.None));
        Assert.True(recorded.Succeeded, recorded.Failure?.MessageKey);
    }
}
