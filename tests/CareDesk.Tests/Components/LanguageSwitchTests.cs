using Bunit;
using CareDesk.Components.Layout;
using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Tests.Components;

public sealed class LanguageSwitchTests : LocalizedComponentContext
{
    public LanguageSwitchTests() =>
        // The token needs the request's antiforgery state; what the form posts is tested through the host.
        ComponentFactories.AddStub<AntiforgeryToken>();

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void One_button_per_language_with_the_current_one_marked(string current)
    {
        UseLanguage(current);

        var buttons = Render<LanguageSwitch>().FindAll("button[name=culture]");

        Assert.Equal(SupportedCultures.All, buttons.Select(b => b.GetAttribute("value") ?? ""));
        Assert.Equal(new[] { "English", "中文" }, buttons.Select(b => b.TextContent.Trim()));
        var marked = Assert.Single(buttons, b => b.GetAttribute("aria-pressed") == "true");
        Assert.Equal(current, marked.GetAttribute("value"));
        Assert.Contains("current", marked.ClassList);
        Assert.All(buttons.Where(b => b != marked), b => Assert.DoesNotContain("current", b.ClassList));
    }

    [Fact]
    public void The_form_posts_to_the_language_endpoint_and_returns_to_the_current_page()
    {
        UseLanguage("en");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/users?search=wang");

        var form = Render<LanguageSwitch>().Find("form");

        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/language", form.GetAttribute("action"));
        Assert.Equal("/admin/users?search=wang", form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));
    }
}
