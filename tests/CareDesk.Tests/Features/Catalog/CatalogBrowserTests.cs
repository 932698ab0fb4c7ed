using Bunit;
using CareDesk.Features.Catalog.Pages;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.Catalog;

/// <summary>Every agent reads the catalog (issue 11 item 9): search kept in the address, words not codes, compatibility per model.</summary>
public sealed class CatalogBrowserTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("zh-CN", "三诺 安稳 血糖仪", "血糖仪", "在售")]
    [InlineData("en", "Sinocare Safe-Accu (安稳)", "Blood glucose meter", "On the market")]
    public void An_agent_finds_a_model_by_what_is_printed_on_it_in_words_of_the_readers_language(string culture, string name, string category, string status)
    {
        UseLanguage(culture);
        SignInAs("agent");
        Services.GetRequiredService<NavigationManager>().NavigateTo("catalog?q=安稳&category=bg_meter");

        var page = Render<CatalogBrowserPage>();

        var row = page.WaitForElement(".catalog-model[data-model='sinocare-anwen-meter']", Wait);
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal((name, category, status), (cells[0], cells[1], cells[4]));
        Assert.All(page.FindAll(".catalog-model"), r => Assert.DoesNotContain("test_strip", r.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("bg_meter", page.Find("#catalog-browser").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("marketed", page.Find("#catalog-browser").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#catalog-manage"));
    }

    [Fact]
    public void Changing_the_search_puts_it_in_the_address()
    {
        UseLanguage("en");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("catalog");
        var page = Render<CatalogBrowserPage>();

        page.Find("#catalog-search").Input("Safe-Accu");
        // MudBlazor debounces the box on the injected clock.
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Contains("q=Safe-Accu", navigation.Uri, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public void A_model_page_lists_what_it_fits_and_what_it_does_not_with_the_reason()
    {
        UseLanguage("zh-CN");
        SignInAs("agent");

        var page = Render<CatalogModelPage>(p => p.Add(x => x.Id, "sinocare-anwen-strips"));

        page.WaitForAssertion(() => Assert.Equal("三诺 安稳 血糖试条", page.Find("#catalog-model-name").TextContent.Trim()), Wait);
        var fits = page.Find(".catalog-links-fits .catalog-link[data-model='sinocare-anwen-meter']");
        Assert.Contains("三诺 安稳 血糖仪", fits.TextContent, StringComparison.Ordinal);
        Assert.Contains("（血糖仪）", fits.TextContent, StringComparison.Ordinal);
        var notFit = page.Find(".catalog-links-not-compatible .catalog-link[data-model='sinocare-anwen-plus-meter']");
        Assert.Contains("原因：", notFit.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#catalog-edit"));
    }
}
