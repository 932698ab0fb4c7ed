using System.Reflection;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Cases;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CareDesk.BrowserTests.Accessibility;

/// <summary>
/// axe-core's WCAG 2.0 and 2.1 A and AA rules find nothing on any page of the desktop: every <c>@page</c> route, with
/// real ids from the demo data, as an admin (every page), as an agent (the pages an agent reaches) and as quality (its own).
/// One browser, each page visited once per run; a new page without an entry below fails the test.
/// </summary>
public sealed class AxePagesTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    private enum Who
    {
        Anyone,
        Staff,
        Supervision,
        Admin,

        // Quality's own pages (policy QualityDecisions: not even an admin reaches them).
        Quality,

        // The outreach desk: those who make calls (policy Outreach), not admins.
        Outreach,
    }

    // Each role's pages once, the languages alternating: axe's rules read structure, names and contrast, not words, and
    // a sweep costs about a minute; EveryPageLanguageTests reads every page in both languages as admin and agent.
    [Theory]
    [InlineData("admin", "zh-CN")]
    [InlineData("agent", "en")]
    [InlineData("quality", "zh-CN")]
    [InlineData("quality", "en")]
    public async Task Every_page_has_no_wcag_21_aa_violation(string role, string language)
    {
        var pages = await PagesAsync();
        var reaches = role switch
        {
            "admin" => new[] { Who.Anyone, Who.Staff, Who.Supervision, Who.Admin },
            "quality" => [Who.Quality],
            _ => [Who.Anyone, Who.Staff, Who.Outreach],
        };
        var violations = new List<string>();

        // The agents' screen size; the pages whose looks this work changed are kept as screenshots.
        await Page.SetViewportSizeAsync(1366, 768);

        // Signed out first: the sign-in page.
        await Page.GotoAsync("/account/login");
        await CheckAsync("/account/login", violations);

        await SignInAsync(DemoEmail(role));
        await UseLanguageAsync(language);
        foreach (var (_, path, _) in pages.Where(p => reaches.Contains(p.Who) && p.Path != "/account/login"))
        {
            if (path == "/not-found")
            {
                ExpectNotFound("/no-such-page");
                await GoToAsync("/no-such-page");
            }
            else if (path.StartsWith("/account/", StringComparison.Ordinal))
            {
                // Rendered on the server only: no circuit to wait for.
                await Page.GotoAsync(path);
            }
            else
            {
                await GoToAsync(path);
            }

            await CheckAsync(path, violations);
        }

        Assert.True(violations.Count == 0, $"{violations.Count} accessibility violations ({role}, {language}):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_routed_page_is_checked()
    {
        var routes = typeof(CareDesk.Components.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .ToHashSet();
        Assert.Equal(routes.Order(), Routes.Keys.Order());
    }

    private async Task CheckAsync(string path, List<string> violations)
    {
        var result = await Page.RunAxe(Wcag21AA);
        foreach (var violation in result.Violations)
        {
            foreach (var node in violation.Nodes)
            {
                var html = node.Html.Length > 160 ? node.Html[..160] + "…" : node.Html;
                violations.Add($"{path}: {violation.Id} at {node.Target}: {html}");
            }
        }
    }

    // Each route template: who reaches it, and how to make a real address of it from the demo data.
    private static readonly Dictionary<string, (Who Who, Func<DemoIds, string> Path)> Routes = new()
    {
        ["/account/login"] = (Who.Anyone, _ => "/account/login"),
        ["/account/access-denied"] = (Who.Anyone, _ => "/account/access-denied"),
        ["/not-found"] = (Who.Anyone, _ => "/not-found"),
        ["/"] = (Who.Staff, _ => "/"),
        ["/work"] = (Who.Staff, _ => "/work"),
        ["/people"] = (Who.Staff, _ => "/people?q=王"),
        ["/people/new"] = (Who.Staff, _ => "/people/new"),
        ["/people/{Id:guid}"] = (Who.Staff, ids => $"/people/{ids.Person}"),
        ["/cases/{Id:guid}"] = (Who.Staff, ids => $"/cases/{ids.Case}"),
        ["/complaints/{Id:guid}"] = (Who.Staff, ids => $"/complaints/{ids.Complaint}"),
        ["/complaints/{Id:guid}/reports/{Form}"] = (Who.Quality, ids => $"/complaints/{ids.Complaint}/reports/cn-nmpa"),
        ["/catalog"] = (Who.Staff, _ => "/catalog"),
        ["/catalog/models/{Id}"] = (Who.Staff, ids => $"/catalog/models/{Uri.EscapeDataString(ids.Model)}"),
        ["/service-levels"] = (Who.Staff, _ => "/service-levels"),
        ["/roster"] = (Who.Staff, _ => "/roster"),
        ["/shifts"] = (Who.Staff, _ => "/shifts"),
        ["/macros"] = (Who.Staff, _ => "/macros"),
        ["/outreach"] = (Who.Outreach, _ => "/outreach"),
        ["/campaigns"] = (Who.Supervision, _ => "/campaigns"),
        ["/recalls"] = (Who.Admin, _ => "/recalls"),
        ["/staff"] = (Who.Supervision, _ => "/staff"),
        ["/findings"] = (Who.Supervision, _ => "/findings"),
        ["/handovers"] = (Who.Supervision, _ => "/handovers"),
        ["/handovers/{Id:guid}"] = (Who.Supervision, ids => $"/handovers/{ids.Handover}"),
        ["/imports"] = (Who.Supervision, _ => "/imports"),
        // No demo import: the page of an unknown one (its not-found message) is what is checked.
        ["/imports/{Id:guid}"] = (Who.Supervision, _ => $"/imports/{Guid.NewGuid()}"),
        ["/imports/duplicates"] = (Who.Supervision, _ => "/imports/duplicates"),
        ["/admin/catalog"] = (Who.Admin, _ => "/admin/catalog"),
        ["/admin/catalog/new"] = (Who.Admin, _ => "/admin/catalog/new"),
        ["/admin/catalog/models/{Id}"] = (Who.Admin, ids => $"/admin/catalog/models/{Uri.EscapeDataString(ids.Model)}"),
        ["/admin/users"] = (Who.Admin, _ => "/admin/users"),
        ["/admin/audit"] = (Who.Admin, _ => "/admin/audit"),
        ["/admin/calendars"] = (Who.Admin, _ => "/admin/calendars"),
        ["/quality/trends"] = (Who.Admin, ids => $"/quality/trends?model={Uri.EscapeDataString(ids.Model)}&code=A0601"),
        ["/quality/obligations"] = (Who.Admin, _ => "/quality/obligations"),
        ["/admin/red-flags"] = (Who.Admin, _ => "/admin/red-flags"),
    };

    private sealed record DemoIds(Guid Person, Guid Case, string Model, Guid Handover, Guid Complaint);

    private async Task<IReadOnlyList<(string Template, string Path, Who Who)>> PagesAsync()
    {
        var ids = await DemoIdsAsync();
        return [.. Routes.Select(r => (r.Key, r.Value.Path(ids), r.Value.Who))];
    }

    // 王建国 of the demo data, a case of his (opened once), a catalog model and the latest handover report.
    private async Task<DemoIds> DemoIdsAsync()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-test");
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var person = await db.People.Where(p => p.DisplayName == "王建国").Select(p => p.Id).FirstAsync();
        var caseId = await db.Cases.Where(c => c.PersonId == person).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (caseId is null)
        {
            var supervisor = await db.Users.Where(u => u.Email == DemoEmail("supervisor")).Select(u => u.Id).SingleAsync();
            var opened = await scope.ServiceProvider.GetRequiredService<OpenCase>().RunAsync(
                new OpenCase.Request(person, "technical-support", null, "血糖仪读数偏高 / Meter reads high"), new StaffActor(supervisor, false), CancellationToken.None);
            caseId = opened.Value;
        }

        var model = await db.ProductModels.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        var handover = await db.HandoverReports.Select(h => h.Id).FirstAsync();
        return new DemoIds(person, caseId.Value, model, handover, (await DemoRecords.SeedAsync(Site.Services)).Complaint);
    }
}
