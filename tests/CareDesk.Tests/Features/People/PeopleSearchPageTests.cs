using Bunit;
using CareDesk.Features.People.Pages;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.People;

public sealed class PeopleSearchPageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_caregivers_number_in_another_format_finds_her_and_the_father_she_cares_for()
    {
        UseLanguage("en");
        var father = await CreatePersonAsync("王建国");
        var daughter = await CreatePersonAsync("王丽", kind: "caregiver", phones: ["139 1234 5678"]);
        await RunAsync<CareDesk.Features.People.AddRelationship, CareDesk.Platform.Api.Result<Guid>>(add => add.RunAsync(
            daughter, new CareDesk.Features.People.AddRelationship.Request("caregiver-of", father, "agent"), Unrestricted, CancellationToken.None));
        var page = RenderInLayout<PeopleSearchPage>();

        page.Find("#people-search").Input("+86 139-1234-5678");
        // MudBlazor debounces the box on the injected clock.
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#people-results tbody tr").Count), Wait);
        Assert.Contains("phone", page.Find($"#person-link-{daughter}").Closest("tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("caregiver's phone", page.Find($"#person-link-{father}").Closest("tr")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"people/{father}", page.Find($"#person-link-{father}").GetAttribute("href"));
    }

    [Theory]
    [InlineData("en", "Nobody found.")]
    [InlineData("zh-CN", "未找到。")]
    public async Task A_search_without_match_says_so(string culture, string message)
    {
        UseLanguage(culture);
        await CreatePersonAsync("Mary Smith");
        var page = RenderInLayout<PeopleSearchPage>();

        page.Find("#people-search").Input("Zebedee");
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Equal(message, page.Find("#people-none").TextContent.Trim()), Wait);
    }

    [Fact]
    public async Task The_query_stays_in_the_address_so_a_reload_or_back_shows_the_same_results()
    {
        UseLanguage("en");
        var mary = await CreatePersonAsync("Mary Smith");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = RenderInLayout<PeopleSearchPage>();

        page.Find("#people-search").Input("smith");
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Single(page.FindAll($"#person-link-{mary}")), Wait);
        Assert.EndsWith("?q=smith", navigation.Uri, StringComparison.Ordinal);

        // A reload, a link or Back renders the page anew from the address alone.
        var reloaded = Render<PeopleSearchPage>();
        reloaded.WaitForAssertion(() => Assert.Single(reloaded.FindAll($"#person-link-{mary}")), Wait);
        Assert.Equal("smith", reloaded.Find("#people-search").GetAttribute("value"));
    }
}
