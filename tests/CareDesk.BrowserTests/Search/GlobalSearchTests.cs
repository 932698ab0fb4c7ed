using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Search;

/// <summary>The top bar's search box, worked with the keyboard alone (issue 11, items 4 and 5).</summary>
public sealed class GlobalSearchTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Slash_and_ctrl_k_focus_the_box_arrows_choose_and_enter_opens_the_result()
    {
        var token = $"Kbd{Guid.NewGuid():N}"[..11];
        var first = await CreatePersonAsync($"{token} Alpha");
        var second = await CreatePersonAsync($"{token} Beta");
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(DemoEmail("supervisor"));
        await GoToAsync("/work");
        await ShortcutReadyAsync();

        await Page.Keyboard.PressAsync("/");
        await Expect(Page.Locator("#global-search")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(token.ToLowerInvariant());
        await Expect(Page.Locator("#global-search-people [role=option]")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#global-search-option-0")).ToHaveAttributeAsync("aria-selected", "true");
        await ScreenshotAsync("global-search-en");

        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.Locator("#global-search-option-1")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(Page.Locator("#global-search-option-1")).ToContainTextAsync("Beta");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/people/{second}$"));
        await Expect(Page.Locator("#person-name")).ToHaveTextAsync($"{token} Beta");

        // Ctrl+K works from anywhere (the typed text replaces the last query); Esc closes the list, ↓ opens it again.
        await Page.Locator("#person-name").ClickAsync();
        await Expect(Page.Locator("#global-search")).Not.ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Control+k");
        await Expect(Page.Locator("#global-search")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync($"{token} alpha");
        await Expect(Page.Locator("#global-search-people [role=option]")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#global-search-option-0")).ToContainTextAsync("Alpha");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.Locator("#global-search-results")).ToHaveCountAsync(0);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/people/{first}$"));
    }

    [Fact]
    public async Task The_box_speaks_chinese_to_a_chinese_agent_and_finds_by_pinyin()
    {
        var person = await CreatePersonAsync("欧阳建秋");
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(DemoEmail("agent"));
        await UseLanguageAsync("zh-CN");
        await ShortcutReadyAsync();

        await Page.Keyboard.PressAsync("Control+k");
        await Page.Keyboard.TypeAsync("ouyang jianqiu");

        await Expect(Page.Locator("#global-search")).ToHaveAttributeAsync("placeholder", new Regex("搜索客户"));
        await Expect(Page.Locator("#global-search-group-people")).ToHaveTextAsync("客户");
        await Expect(Page.Locator($"#global-search-people")).ToContainTextAsync("欧阳建秋");
        await ScreenshotAsync("global-search-zh");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/people/{person}$"));
    }

    [Fact]
    public async Task An_agent_opens_a_catalog_model_from_the_box_on_its_read_only_page()
    {
        await SignInAsync(DemoEmail("agent"));
        await UseLanguageAsync("zh-CN");
        await ShortcutReadyAsync();

        await Page.Keyboard.PressAsync("/");
        await Page.Keyboard.TypeAsync("安稳+语音");
        await Expect(Page.Locator("#global-search-group-models")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new Regex("/catalog/models/sinocare-anwen-plus-voice-meter$"));
        await Expect(Page.Locator("#catalog-model-name")).ToHaveTextAsync("三诺 安稳+ 语音大屏 血糖仪");
        await Expect(Page.Locator("#catalog-edit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_people_search_keeps_its_query_in_the_address_through_a_reload_and_back()
    {
        var token = $"Url{Guid.NewGuid():N}"[..11];
        var person = await CreatePersonAsync($"{token} Person");
        await SignInAsync(DemoEmail("supervisor"));
        await GoToAsync("/people");

        await Page.Locator("#people-search").FillAsync(token.ToLowerInvariant());
        await Expect(Page).ToHaveURLAsync(new Regex($"/people\\?q={token.ToLowerInvariant()}$"));
        await Page.ReloadAsync();
        await WaitUntilInteractiveAsync();
        await Expect(Page.Locator($"#person-link-{person}")).ToBeVisibleAsync();
        await Page.Locator($"#person-link-{person}").ClickAsync();
        await Expect(Page.Locator("#person-name")).ToHaveTextAsync($"{token} Person");

        await Page.GoBackAsync();
        await Expect(Page.Locator($"#person-link-{person}")).ToBeVisibleAsync();
        await Expect(Page.Locator("#people-search")).ToHaveValueAsync(token.ToLowerInvariant());
    }

    // The shortcut's listener is installed once the box's script module has loaded, just after the circuit starts.
    private Task ShortcutReadyAsync() => Expect(Page.Locator("#global-search")).ToHaveAttributeAsync("data-shortcut", "ready");

    private async Task<Guid> CreatePersonAsync(string name)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-test");
        var created = await scope.ServiceProvider.GetRequiredService<CreatePerson>().RunAsync(
            new CreatePerson.Request(
                name, null, null, "patient", null, null, null, null, null, null, null, null, null,
                [new CreatePerson.PhoneInput(TestValues.Mobile(), "mobile")],
                null, null, null, "agent"),
            CancellationToken.None);
        return created.Value;
    }
}
