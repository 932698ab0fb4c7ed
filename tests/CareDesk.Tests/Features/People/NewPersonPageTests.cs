using Bunit;
using CareDesk.Features.People.Pages;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Features.People;

public sealed class NewPersonPageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_callers_number_is_filled_in_and_the_new_person_is_stored_with_it_as_E164()
    {
        UseLanguage("en");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("people/new?phone=0755%208888%208888");
        var page = RenderInLayout<NewPersonPage>();
        Assert.Equal("0755 8888 8888", page.Find("#new-person-phone").GetAttribute("value"));

        page.Find("#new-person-name").Change("陈先生");
        page.Find("#new-person-save").Click();

        page.WaitForAssertion(() => Assert.Matches("/people/[0-9a-f-]{36}$", navigation.Uri), Wait);
        var id = Guid.Parse(navigation.Uri[^36..]);
        var person = await WithDbAsync(db => db.People.Include(p => p.ContactPoints).SingleAsync(p => p.Id == id));
        Assert.Equal("陈先生", person.DisplayName);
        Assert.Equal("+8675588888888", Assert.Single(person.ContactPoints).Value);
    }

    [Theory]
    [InlineData("en", "Not a phone number CareDesk can read")]
    [InlineData("zh-CN", "无法识别的电话号码")]
    public async Task An_unreadable_phone_is_named_under_the_phone_field_and_nobody_is_stored(string culture, string message)
    {
        UseLanguage(culture);
        var page = RenderInLayout<NewPersonPage>();

        page.Find("#new-person-name").Change("Nobody");
        page.Find("#new-person-phone").Change("call me");
        page.Find("#new-person-save").Click();

        page.WaitForAssertion(
            () => Assert.Contains(message, page.Find("#new-person-phone").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
    }
}
