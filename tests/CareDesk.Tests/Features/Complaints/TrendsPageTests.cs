using Bunit;
using CareDesk.Features.Complaints.Trending;
using CareDesk.Features.Complaints.Trending.Pages;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Complaints;

/// <summary>Quality's trend page: the u-chart of one model and code, its months in numbers and the export links, in the reader's language.</summary>
public sealed class TrendsPageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public TrendsPageTests()
    {
        Services.AddTrending();
        SignInAs(Roles.Quality);
    }

    [Theory]
    [InlineData("en", "Complaints", "entered", "No significant rise so far.", "Units in use per month")]
    [InlineData("zh-CN", "投诉数", "手工录入", "目前没有显著上升。", "每月在用数量")]
    public async Task The_page_shows_the_months_of_the_chosen_model_and_code_with_their_denominators_in_the_readers_language(
        string culture, string complaintsHeader, string entered, string noSignals, string unitsTitle)
    {
        UseLanguage(culture);
        var model = await WithDbAsync(db => db.ProductModels.Where(m => m.NameZh != null).OrderBy(m => m.Id).Select(m => new { m.Id, m.NameEn, m.NameZh }).FirstAsync());
        var saved = await RunAsync<SetDenominators, Result<SetDenominators.View>>(s => s.RunAsync(
            new SetDenominators.Request(model.Id, [new("2025-01", 1200), new("2025-02", 1300)]), new StaffActor(UserId, false), CancellationToken.None));
        Assert.True(saved.Succeeded);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"quality/trends?model={Uri.EscapeDataString(model.Id)}&code=A0601&from=2025-01&to=2025-03");

        var page = Render<TrendsPage>();

        var heading = page.WaitForElement("#trend-heading", Wait).TextContent;
        Assert.Contains(culture == "en" ? model.NameEn : model.NameZh!, heading, StringComparison.Ordinal);
        Assert.Contains("A0601", heading, StringComparison.Ordinal);
        Assert.Equal(complaintsHeader, page.Find("#trend-table th:nth-child(2)").TextContent.Trim());
        var rows = page.FindAll(".trend-month");
        Assert.Equal(["2025-01", "2025-02", "2025-03"], rows.Select(r => r.GetAttribute("data-month")));
        Assert.Contains(entered, rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1,200", rows[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("#trend-chart svg"));
        Assert.EndsWith("&from=2025-01&to=2025-03&format=csv", page.Find("#trend-export-csv").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(noSignals, page.Find("#trend-signals-none").TextContent.Trim());
        Assert.Equal(unitsTitle, page.Find("#trend-denominators h6, #trend-denominators .mud-typography-subtitle1").TextContent.Trim());
    }

    [Fact]
    public void A_code_that_is_not_a_device_problem_code_says_so_and_shows_no_chart()
    {
        UseLanguage("zh-CN");
        Services.GetRequiredService<NavigationManager>().NavigateTo("quality/trends?model=x&code=E0101");

        var page = Render<TrendsPage>();

        Assert.Equal("E0101 不是 IMDRF 器械问题代码（附录 A）。", page.WaitForElement("#trend-error", Wait).TextContent.Trim());
        Assert.Empty(page.FindAll("#trend-chart"));
    }

    [Theory]
    [InlineData("zh-CN", "2025-01 至 2025-03 期间，此型号没有以该问题代码编码的投诉")]
    [InlineData("en", "From 2025-01 to 2025-03 no complaint of this model was coded with this problem")]
    public void A_model_and_code_with_no_complaints_and_no_units_says_so_instead_of_an_empty_chart(string culture, string said)
    {
        UseLanguage(culture);
        Services.GetRequiredService<NavigationManager>().NavigateTo("quality/trends?model=microtech-linx-cgm&code=A0601&from=2025-01&to=2025-03");

        var page = Render<TrendsPage>();

        Assert.Contains(said, page.WaitForElement("#trend-empty", Wait).TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#trend-chart"));
        Assert.Empty(page.FindAll(".trend-month"));
        // The heading still says what was asked for, the model by its name in the reader's language.
        Assert.Contains(culture == "en" ? "LinX CGM" : "微泰 LinX 动态血糖", page.Find("#trend-heading").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_code_pickers_label_is_short_enough_to_read_whole_and_the_annex_is_said_beneath()
    {
        UseLanguage("zh-CN");

        var page = Render<TrendsPage>();

        var picker = page.Find("#trend-filters");
        Assert.Contains("IMDRF 器械问题代码", picker.TextContent, StringComparison.Ordinal);
        Assert.Contains("附录 A：代码或英文术语", picker.TextContent, StringComparison.Ordinal);
        Assert.Contains("输入产品名称或型号", picker.TextContent, StringComparison.Ordinal);
    }
}
