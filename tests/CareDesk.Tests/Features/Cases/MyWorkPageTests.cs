using Bunit;
using CareDesk.Features.Cases;
using CareDesk.Features.Cases.Pages;
using CareDesk.Features.Staff;
using CareDesk.Platform.Identity;
using CareDesk.Tests.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareDesk.Tests.Features.Cases;

/// <summary>My work: filters and order kept in the address, saved views, and the supervisors' bulk reassignment.</summary>
public sealed class MyWorkPageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // A reassignment saves through the case's clocks and timers; scoped here, as bUnit validates scopes.
    public MyWorkPageTests() => Services.AddScoped<CareDesk.Platform.Scheduling.DurableTimers>();

    [Theory]
    [InlineData("zh-CN", "筛选结果（1）", "等待客户")]
    [InlineData("en", "Cases found (1)", "Waiting on customer")]
    public async Task A_filter_in_the_address_lists_only_the_cases_it_names(string culture, string title, string status)
    {
        UseLanguage(culture);
        var person = await ArrangeAsync();
        await AddCaseAsync(person, "open", CaseStatus.InProgress, UserId, null);
        var waiting = await AddCaseAsync(person, "waiting", CaseStatus.WaitingOnCustomer, UserId, null);
        Services.GetRequiredService<NavigationManager>().NavigateTo("work?status=waiting-on-customer");

        var page = Render<MyWorkPage>();

        page.WaitForAssertion(() => Assert.Equal(title, page.Find("#work-results h6").TextContent.Trim()), Wait);
        var row = page.Find("#work-results .case-row");
        Assert.Equal(waiting.ToString(), row.GetAttribute("data-case-id"));
        Assert.Equal(status, row.QuerySelector(".case-status")!.TextContent.Trim());
        Assert.Empty(page.FindAll("#work-mine"));
    }

    [Fact]
    public async Task Changing_the_order_puts_it_in_the_address()
    {
        UseLanguage("en");
        await ArrangeAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<MyWorkPage>();
        page.WaitForElement("#work-filters", Wait);
        var sort = Select(page, "work-sort");

        await page.InvokeAsync(() => sort.Instance.ValueChanged.InvokeAsync(WorkFilter.Activity));

        Assert.EndsWith("/work?sort=activity", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_view_is_listed_by_its_name_and_picking_it_opens_its_filter()
    {
        UseLanguage("zh-CN");
        await ArrangeAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("work?serviceLevel=breached&sort=opened");
        var page = Render<MyWorkPage>();
        page.WaitForElement("#saved-view-name", Wait);

        page.Find("#saved-view-name").Change("超时的");
        await page.InvokeAsync(() => page.FindComponents<MudButton>().Single(b => b.Instance.UserAttributes.GetValueOrDefault("id") as string == "saved-view-save").Instance.OnClick.InvokeAsync());

        page.WaitForAssertion(() => Assert.Equal("已保存视图“超时的”。", page.Find("#saved-view-saved").TextContent.Trim()), Wait);
        var stored = await RunAsync<SavedWorkViews, SavedWorkViews.View[]>(views => views.ListAsync(new(UserId, false), CancellationToken.None));
        Assert.Equal(("超时的", "serviceLevel=breached&sort=opened"), (Assert.Single(stored).Name, stored[0].Query));

        navigation.NavigateTo("work");
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".saved-view[data-view-name='超时的']")), Wait);
        await page.InvokeAsync(() => page.FindComponents<MudChip<string>>().Single(c => c.Instance.Class!.Contains("saved-view", StringComparison.Ordinal)).Instance.OnClick.InvokeAsync());
        Assert.EndsWith("/work?serviceLevel=breached&sort=opened", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_has_no_case_selection_nor_bulk_reassignment()
    {
        UseLanguage("en");
        var person = await ArrangeAsync();
        await AddCaseAsync(person, "mine", CaseStatus.New, UserId, null);

        var page = Render<MyWorkPage>();

        page.WaitForElement("#work-mine .case-row", Wait);
        Assert.Empty(page.FindAll(".case-select-one"));
        Assert.Empty(page.FindAll("#bulk-reassign"));
    }

    [Theory]
    [InlineData("zh-CN", "已转派 2 个工单（共 2 个）。")]
    [InlineData("en", "2 of 2 cases reassigned.")]
    public async Task A_supervisor_selects_cases_and_reassigns_them_to_a_team_with_one_note(string culture, string done)
    {
        UseLanguage(culture);
        SignInAs(Roles.Supervisor);
        var person = await ArrangeAsync();
        var a = await AddCaseAsync(person, "a", CaseStatus.New, null, "quality");
        var b = await AddCaseAsync(person, "b", CaseStatus.New, null, "quality");
        var page = Render<MyWorkPage>();
        page.WaitForElement("#work-queue-quality .case-row", Wait);
        Assert.Empty(page.FindAll("#bulk-reassign"));

        page.Find("#work-queue-quality .case-select-all").Change(true);
        page.WaitForElement("#bulk-reassign", Wait);
        var target = Select(page, "bulk-target");
        await page.InvokeAsync(() => target.Instance.ValueChanged.InvokeAsync("team:front-line"));
        var note = page.FindComponents<MudTextField<string>>().Single(s => s.Instance.UserAttributes.GetValueOrDefault("id") as string == "bulk-note");
        await page.InvokeAsync(() => note.Instance.ValueChanged.InvokeAsync("Quality is closed today; front line takes these."));
        await page.InvokeAsync(() => page.FindComponents<MudButton>().Single(x => x.Instance.UserAttributes.GetValueOrDefault("id") as string == "bulk-reassign-go").Instance.OnClick.InvokeAsync());

        page.WaitForAssertion(() => Assert.Equal(done, page.Find("#bulk-outcome").TextContent.Trim()), Wait);
        var owners = await WithDbAsync(db => Task.FromResult(db.Cases.Where(c => c.Id == a || c.Id == b).Select(c => c.OwnerTeamId).ToList()));
        Assert.Equal(["front-line", "front-line"], owners);
        var notes = await WithDbAsync(db => Task.FromResult(db.CaseEntries.Where(e => (e.CaseId == a || e.CaseId == b) && e.Kind == CaseEntryKind.Handoff).Select(e => e.Text).ToList()));
        Assert.Equal(2, notes.Count(n => n == "Quality is closed today; front line takes these."));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#work-queue-front-line .case-row").Count), Wait);
    }

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<MyWorkPage> page, string id) =>
        page.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.GetValueOrDefault("id") as string == id);

    private async Task<Guid> ArrangeAsync()
    {
        var person = await CreatePersonAsync("王建国");
        await WithDbAsync(async db =>
        {
            db.Users.Add(new User { Id = UserId, UserName = $"{UserId}@example.test", Email = $"{UserId}@example.test", DisplayName = "王芳" });
            db.Teams.Add(new Team { Id = "quality", Name = "Quality", NameZh = "质量部", IsDepartment = true });
            db.Teams.Add(new Team { Id = "front-line", Name = "Front line", NameZh = "一线" });
            await db.SaveChangesAsync();
            return true;
        });
        return person;
    }

    private Task<Guid> AddCaseAsync(Guid person, string subject, CaseStatus status, string? ownerUserId, string? ownerTeamId) =>
        WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow();
            var opened = new Case
            {
                Number = CaseNumbers.New(),
                PersonId = person,
                Subject = subject,
                Status = status,
                OwnerUserId = ownerUserId,
                OwnerTeamId = ownerTeamId,
                OpenedBy = UserId,
                OpenedAt = now.AddHours(-1),
                UpdatedAt = now,
                LastActivityAt = now,
            };
            db.Cases.Add(opened);
            await db.SaveChangesAsync();
            return opened.Id;
        });
}
