using Bunit;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reportability.Calendars;
using CareDesk.Features.Complaints.Reportability.Pages;
using CareDesk.Tests.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Complaints;

public sealed class ChinaCalendarPageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public ChinaCalendarPageTests() => Services.AddReportability();

    [Fact]
    public async Task An_admin_enters_next_years_notice_in_chinese_sees_a_weekday_refused_as_make_up_day_and_the_year_in_force()
    {
        UseLanguage("zh-CN");
        SignInAs("admin");
        var page = RenderInLayout<ChinaCalendarPage>();
        page.WaitForAssertion(() => Assert.Equal(["2025", "2026"], page.FindAll(".calendar-year").Select(y => y.TextContent)), Wait);
        Assert.Equal("缺少 2027 年的日历：录入之前，这些年份的中国工作日时限只按周末计算。", page.Find("#calendar-missing").TextContent.Trim());

        page.Find("#calendar-add-year").Click();
        page.WaitForElement("#calendar-editor", Wait);
        page.Find("#calendar-source").Change("国办发明电（测试）");
        page.Find("#calendar-break-0-name").Change("元旦");
        page.Find("#calendar-break-0-from").Change("2027-01-01");
        page.Find("#calendar-break-0-to").Change("2027-01-03");
        page.Find("#calendar-make-up").Change("2027-02-15");
        page.Find("#calendar-save").Click();

        page.WaitForAssertion(() => Assert.Contains("2027-02-15 不是周六或周日", page.Find("#calendar-editor").TextContent, StringComparison.Ordinal), Wait);
        Assert.False(await WithDbAsync(db => db.Set<ChinaCalendarEdit>().AnyAsync()));

        page.Find("#calendar-make-up").Change("2027-02-14");
        page.Find("#calendar-save").Click();

        page.WaitForAssertion(() => Assert.Equal(["2025", "2026", "2027"], page.FindAll(".calendar-year").Select(y => y.TextContent)), Wait);
        Assert.Equal("管理员录入", page.FindAll(".calendar-origin")[2].TextContent.Trim());
        Assert.Empty(page.FindAll("#calendar-missing"));
        // In force for the deadlines at once: 1 January 2027 is no longer a working day.
        Assert.False(Services.GetRequiredService<RegulatoryCalendars>().China.IsWorkingDay(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Each_break_and_each_make_up_day_reads_on_one_line_however_narrow_the_column()
    {
        UseLanguage("zh-CN");
        SignInAs("admin");
        var page = RenderInLayout<ChinaCalendarPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".calendar-break-line")), Wait);
        var springFestival = page.FindAll(".calendar-break-line").First(b => b.TextContent.StartsWith("春节", StringComparison.Ordinal));
        Assert.Equal("春节：2025年1月28日 – 2025年2月4日", springFestival.TextContent.Trim());
        Assert.All(page.FindAll(".calendar-break-line, .calendar-make-up-day"), line => Assert.Contains("white-space:nowrap", line.GetAttribute("style"), StringComparison.Ordinal));
        Assert.Contains("2025年1月26日", page.FindAll(".calendar-make-up-day").Select(d => d.TextContent.Trim()));
        // The shipped sources are Chinese text: their copies are listed with "、", not "and".
        Assert.DoesNotContain(" and ", page.Find("#calendar-years").TextContent, StringComparison.Ordinal);
    }
}
