using Bunit;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.Complaints.Reporting.Pages;
using CareDesk.Platform.Identity;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>
/// The live alert to quality names the day a report is due, as the law counts it. Before: it showed the stored
/// <c>DueAt</c> of a day clock, the midnight after the last day, so "due today" read "截止 12月9日 00:00" on the 8th.
/// </summary>
public sealed class ObligationAlertBannerTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public ObligationAlertBannerTests()
    {
        Services.AddSingleton(new ObligationAlertHub(NullLogger<ObligationAlertHub>.Instance));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        SignInAs(Roles.Quality);
    }

    [Theory]
    [InlineData("zh-CN", "obligation-due", "今天（2026年12月8日）到期")]
    [InlineData("zh-CN", "obligation-warning", "最迟须于 2026年12月8日 提交")]
    [InlineData("en", "obligation-due", "is due today, 8 Dec 2026.")]
    [InlineData("zh-CN", "obligation-overdue", "自 2026年12月8日 16:00 起已逾期")]
    public void The_alert_names_the_last_day_before_it_and_the_instant_once_overdue(string culture, string kind, string said)
    {
        UseLanguage(culture);
        var banner = Render<ObligationAlertBanner>();

        // Last day 8 December in Shanghai: overdue from 9 December 00:00 there, 16:00 on the 8th for a reader on UTC.
        Services.GetRequiredService<ObligationAlertHub>().Publish(UserId, new ObligationAlert(
            kind, Guid.NewGuid(), Guid.NewGuid(), "MDSX-5JKY", "CN", "cn-recall-notice", new DateTimeOffset(2026, 12, 9, 0, 0, 0, Shanghai), "2026-12-08"));

        banner.WaitForAssertion(() => Assert.Contains(said, banner.Find(".obligation-alert").TextContent, StringComparison.Ordinal), Wait);
        Assert.DoesNotContain("12月9日", banner.Find(".obligation-alert").TextContent, StringComparison.Ordinal);
    }
}
