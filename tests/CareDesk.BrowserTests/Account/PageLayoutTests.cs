using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.Account;

/// <summary>
/// Tables on a desk as agents use it: the navigation open, a call card docked, Chinese headers. A header cell is one
/// line ("类型", not "类/型" stacked), a case number never splits ("V5PR-/FWST"); the screenshots of the desk, a case,
/// a person and the supervisor's queues are written in both languages for a person to look at.
/// </summary>
[Collection(LanguageCollection.Name)]
public sealed class PageLayoutTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    // For every visible header cell and case number: how many lines its text takes (distinct tops of its line boxes).
    private const string WrappedCells = """
        () => [...document.querySelectorAll('th, .case-number, .one-line')]
          .filter(e => e.offsetParent !== null && e.textContent.trim().length > 0)
          .map(e => {
            const range = document.createRange();
            range.selectNodeContents(e);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            return { text: e.textContent.trim(), lines: tops.size };
          })
          .filter(c => c.lines > 1)
          .map(c => `${c.text} (${c.lines} lines)`)
        """;

    // The page's margin moves with a transition as the dock opens: look or measure once it has settled.
    private const string DockSettled =
        "() => document.querySelector('.mud-main-content').getBoundingClientRect().right <= document.querySelector('#screen-pop-dock').getBoundingClientRect().left + 1";

    private readonly ITestOutputHelper output = output;

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    public async Task Table_headers_take_one_line_and_case_numbers_never_split_with_the_menu_and_a_call_card_open(int width, int height)
    {
        var ids = await DemoRecords.SeedAsync(Site.Services);
        await Page.SetViewportSizeAsync(width, height);
        var pages = new (string Role, string[] Paths)[]
        {
            (Roles.Supervisor, ["/", "/work", "/people?q=%E7%8E%8B", $"/people/{ids.Person}", $"/cases/{ids.Case}", "/catalog", "/findings", "/handovers", $"/handovers/{ids.Handover}", "/staff", "/roster", "/shifts", "/service-levels"]),
            (Roles.Admin, ["/admin/users", "/admin/audit", "/admin/catalog"]),
        };

        var problems = new List<string>();
        foreach (var language in new[] { SupportedCultures.Chinese, SupportedCultures.English })
        {
            foreach (var (role, paths) in pages)
            {
                await Page.Context.ClearCookiesAsync();
                await SignInAsync(DemoEmail(role));
                await UseLanguageAsync(language);
                foreach (var path in paths)
                {
                    await GoToAsync(path);
                    await PhoneSystem.RingAsync(Site.BaseAddress, DemoEmail(role), Guid.NewGuid().ToString("N"), ids.CallerPhone);
                    await Expect(Page.Locator(".screen-pop .caller-card").First).ToBeVisibleAsync();
                    await Expect(Page.Locator(".mud-drawer--open")).ToBeVisibleAsync();
                    await Page.WaitForFunctionAsync(DockSettled);
                    problems.AddRange((await Page.EvaluateAsync<string[]>(WrappedCells)).Select(cell => $"{language} {width}×{height} {path}: {cell}"));
                }
            }
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.True(problems.Count == 0, "Wrapped header cells or case numbers:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData(SupportedCultures.Chinese)]
    [InlineData(SupportedCultures.English)]
    public async Task Screenshots_of_the_desk_a_case_a_person_and_the_supervisors_queues(string language)
    {
        var ids = await DemoRecords.SeedAsync(Site.Services);
        await Page.SetViewportSizeAsync(1366, 768);
        await SignInAsync(DemoEmail(Roles.Agent));
        await UseLanguageAsync(language);

        await GoToAsync("/");
        await PhoneSystem.RingAsync(Site.BaseAddress, DemoEmail(Roles.Agent), Guid.NewGuid().ToString("N"), ids.CallerPhone);
        await Expect(Page.Locator(".screen-pop .caller-card").First).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync(DockSettled);
        await ShotAsync($"desk-{language}");
        await GoToAsync($"/cases/{ids.Case}");
        await ShotAsync($"case-{language}");
        await GoToAsync($"/people/{ids.Person}");
        await ShotAsync($"person-{language}");

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoEmail(Roles.Supervisor));
        await UseLanguageAsync(language);
        await GoToAsync("/work");
        await ShotAsync($"supervisor-queues-{language}");
    }

    // Under artifacts/screenshots/lang/ at the repository root (ignored by git), one name per view and language.
    private async Task ShotAsync(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "CareDesk.slnx")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("No CareDesk.slnx above the test binaries.");
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder.FullName, "artifacts", "screenshots", "lang", $"{name}.png"),
        });
    }
}
