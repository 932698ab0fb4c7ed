using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>The work page's API: filters and order on GET /api/work, saved views, and the supervisors' bulk reassignment.</summary>
public sealed class WorkApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Filters_narrow_my_work_to_one_list_in_the_order_asked()
    {
        var (agent, _) = await FreshAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var first = await OpenAsync(agent, person.Id, "first");
        var second = await OpenAsync(agent, person.Id, "second");
        var waiting = await OpenAsync(agent, person.Id, "waiting");
        await (await agent.PostAsJsonAsync($"/api/cases/{waiting.Id}/status", new { status = "waiting-on-customer", note = "Sent the form." })).ReadAsync<GetCase.View>();
        var late = await OpenAsync(agent, person.Id, "late");
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == late.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FirstResponseDueAt, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .SetProperty(c => c.NextDueAt, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero))));

        var unfiltered = await WorkAsync(agent, "");
        var newest = await WorkAsync(agent, "?owner=me&sort=opened&order=desc");
        var paused = await WorkAsync(agent, "?status=waiting-on-customer");
        var breached = await WorkAsync(agent, "?serviceLevel=breached,warning");
        var newOnes = await WorkAsync(agent, "?status=new&status=in-progress&sort=opened");

        Assert.Null(unfiltered.Results);
        Assert.Equal(4, unfiltered.Mine.Count);
        Assert.Empty(newest.Mine);
        Assert.Equal([late.Id, waiting.Id, second.Id, first.Id], newest.Results!.Select(c => c.Id));
        Assert.Equal(waiting.Id, Assert.Single(paused.Results!).Id);
        Assert.Equal("paused", paused.Results![0].ServiceLevel);
        Assert.Equal((late.Id, "breached"), (Assert.Single(breached.Results!).Id, breached.Results![0].ServiceLevel));
        Assert.Equal([first.Id, second.Id, late.Id], newOnes.Results!.Select(c => c.Id));
        Assert.All(newest.Results!, c => Assert.NotNull(c.Version));
    }

    [Fact]
    public async Task A_team_filter_lists_that_queue_and_unknown_values_are_a_400_naming_the_parameter()
    {
        var (agent, _) = await FreshAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var queued = await OpenAsync(agent, person.Id, "queued", ownerTeam: "repair");

        var repair = await WorkAsync(agent, "?team=repair&sort=activity&order=desc");

        Assert.Contains(repair.Results!, c => c.Id == queued.Id);
        Assert.All(repair.Results!, c => Assert.Equal("repair", c.Owner.Id));
        foreach (var (query, field) in new[] { ("?status=lost", "status"), ("?serviceLevel=late", "serviceLevel"), ("?sort=name", "sort"), ("?order=up", "order"), ("?team=no-such-team", "team") })
        {
            (await (await agent.GetAsync($"/api/work{query}")).ProblemAsync(HttpStatusCode.BadRequest)).Errors(field);
        }
    }

    [Fact]
    public async Task Saved_views_are_per_user_replaced_by_name_and_removed()
    {
        var (agent, _) = await FreshAsync(Roles.Agent);
        var (other, _) = await FreshAsync(Roles.Agent);

        var saved = await (await agent.PostAsJsonAsync("/api/work/views", new { name = "超时的", filter = new { serviceLevel = new[] { "breached" }, sort = "due" } }))
            .ReadAsync<SavedWorkViews.View>();
        var replaced = await (await agent.PostAsJsonAsync("/api/work/views", new { name = "超时的", filter = new { serviceLevel = new[] { "breached", "warning" }, team = "front-line" } }))
            .ReadAsync<SavedWorkViews.View>();
        (await (await agent.PostAsJsonAsync("/api/work/views", new { name = " ", filter = new { } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("name");
        (await (await agent.PostAsJsonAsync("/api/work/views", new { name = "x", filter = new { sort = "name" } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("filter.sort");

        var mine = await (await agent.GetAsync("/api/work/views")).ReadAsync<SavedWorkViews.View[]>();
        var theirs = await (await other.GetAsync("/api/work/views")).ReadAsync<SavedWorkViews.View[]>();
        Assert.Equal(saved.Id, replaced.Id);
        var view = Assert.Single(mine);
        Assert.Equal(("超时的", "team=front-line&serviceLevel=breached%2Cwarning"), (view.Name, view.Query));
        Assert.Equal(["breached", "warning"], view.Filter.ServiceLevel!);
        Assert.Empty(theirs);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/work/views/{view.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.DeleteAsync($"/api/work/views/{view.Id}")).StatusCode);
        Assert.Empty(await (await agent.GetAsync("/api/work/views")).ReadAsync<SavedWorkViews.View[]>());
    }

    [Fact]
    public async Task A_supervisor_reassigns_several_cases_with_one_note_and_a_case_changed_meanwhile_is_reported_not_overwritten()
    {
        var (supervisor, supervisorId) = await FreshAsync(Roles.Supervisor);
        var (agent, _) = await FreshAsync(Roles.Agent);
        var colleague = await app.CreateClientForRoleAsync(Roles.Expert);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Mary Smith"));
        var a = await OpenAsync(agent, person.Id, "a");
        var b = await OpenAsync(agent, person.Id, "b");
        var c = await OpenAsync(agent, person.Id, "c");
        var listed = (await WorkAsync(supervisor, $"?owner={Uri.EscapeDataString(a.Owner.Id)}")).Results!;
        Assert.Equal(3, listed.Count);
        // Meanwhile the expert takes c at the version they saw.
        await (await colleague.PostAsJsonAsync($"/api/cases/{c.Id}/take", new { version = c.Version })).ReadAsync<GetCase.View>();

        var response = await supervisor.PostAsJsonAsync("/api/work/reassign", new
        {
            cases = listed.Select(x => new { id = x.Id, version = x.Version }),
            toTeam = "front-line",
            note = "Agent went home ill; front line takes these over.",
        });

        var outcome = await response.ReadAsync<ReassignCases.Response>();
        Assert.Equal(2, outcome.Reassigned);
        Assert.Equal("conflict", outcome.Cases.Single(x => x.Id == c.Id).Outcome);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Cases.Single(x => x.Id == c.Id).Message));
        foreach (var moved in new[] { a, b })
        {
            var view = await (await supervisor.GetAsync($"/api/cases/{moved.Id}")).ReadAsync<GetCase.View>();
            Assert.Equal(("team", "front-line"), (view.Owner.Kind, view.Owner.Id));
            var handoff = view.Timeline[^1];
            Assert.Equal(("handoff", "Agent went home ill; front line takes these over.", supervisorId), (handoff.Kind, handoff.Text, handoff.Actor.Id));
        }

        var kept = await (await supervisor.GetAsync($"/api/cases/{c.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal(await colleague.MyIdAsync(), kept.Owner.Id);
        Assert.DoesNotContain(kept.Timeline, e => e.Kind == "handoff");
        // The changes are in the audit trail, by the supervisor.
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == supervisorId && e.EntityType == "CaseEntry" && e.Action == "created"));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task Agents_may_not_reassign_in_bulk_and_a_bad_target_or_note_is_a_400()
    {
        var (agent, _) = await FreshAsync(Roles.Agent);
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("张医生"));
        var opened = await OpenAsync(agent, person.Id, "mine");
        var body = new { cases = new[] { new { id = opened.Id, version = opened.Version } }, toTeam = "front-line", note = "Taking these over." };

        await (await agent.PostAsJsonAsync("/api/work/reassign", body)).ProblemAsync(HttpStatusCode.Forbidden);
        (await (await supervisor.PostAsJsonAsync("/api/work/reassign", body with { toTeam = "no-such-team" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("toTeam");
        (await (await supervisor.PostAsJsonAsync("/api/work/reassign", body with { note = " " })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("note");
        (await (await supervisor.PostAsJsonAsync("/api/work/reassign", new { cases = Array.Empty<object>(), toTeam = "front-line", note = "n" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("cases");

        var unchanged = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal(opened.Version, unchanged.Version);
    }

    private async Task<(HttpClient Client, string Id)> FreshAsync(string role)
    {
        var (_, user, view) = await app.CreateFreshUserAsync(role);
        return (await app.CreateClientForAsync(user.Email, user.Password), view.Id);
    }

    private static async Task<ListCases.MyWork> WorkAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/work{query}")).ReadAsync<ListCases.MyWork>();

    private static async Task<GetCase.View> OpenAsync(HttpClient client, Guid personId, string subject, string? ownerTeam = null) =>
        await (await client.PostAsJsonAsync("/api/cases", new { personId, type = "question", subject, ownerTeam }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
}
