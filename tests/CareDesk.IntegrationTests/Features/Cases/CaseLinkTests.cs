using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>Links between cases, and merging a duplicate so that nothing on it is lost (F11).</summary>
public sealed class CaseLinkTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_link_shows_on_both_cases_and_timelines_once_and_unlinking_removes_it_from_both()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        var first = await OpenAsync(agent, person.Id, "Pump alarm");
        var second = await OpenAsync(agent, person.Id, "Pump alarm again");

        (await (await agent.PostAsJsonAsync($"/api/cases/{first.Id}/links", new { otherNumber = second.Number, kind = "cousin" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("kind");
        (await (await agent.PostAsJsonAsync($"/api/cases/{first.Id}/links", new { otherNumber = first.Number })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("otherNumber");
        (await (await agent.PostAsJsonAsync($"/api/cases/{first.Id}/links", new { otherNumber = "K7M2-Q9XD" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("otherNumber");
        (await (await agent.PostAsJsonAsync($"/api/cases/{first.Id}/links", new { })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("otherCaseId");

        var linked = await (await agent.PostAsJsonAsync($"/api/cases/{first.Id}/links", new { otherNumber = second.Number.ToLowerInvariant(), kind = "duplicate", note = "Same alarm" })).ReadAsync<GetCase.View>();
        Assert.Contains(linked.Timeline, e => e.Kind == "linked" && e.OtherCaseId == second.Id && e.Text!.Contains(second.Number, StringComparison.Ordinal));
        // Linking again, from either side, changes nothing.
        await (await agent.PostAsJsonAsync($"/api/cases/{second.Id}/links", new { otherCaseId = first.Id })).ReadAsync<GetCase.View>();

        var fromFirst = Assert.Single(await LinksAsync(agent, first.Id));
        var fromSecond = Assert.Single(await LinksAsync(agent, second.Id));
        Assert.Equal((second.Id, "duplicate", "Same alarm", (string?)null), (fromFirst.CaseId, fromFirst.Kind, fromFirst.Note, fromFirst.Merge));
        Assert.Equal((first.Id, "duplicate"), (fromSecond.CaseId, fromSecond.Kind));
        Assert.Single((await GetAsync(agent, second.Id)).Timeline, e => e.Kind == "linked" && e.OtherCaseId == first.Id);

        await (await agent.DeleteAsync($"/api/cases/{second.Id}/links/{first.Id}")).ReadAsync<GetCase.View>();
        Assert.Empty(await LinksAsync(agent, first.Id));
        Assert.Contains((await GetAsync(agent, first.Id)).Timeline, e => e.Kind == "unlinked" && e.OtherCaseId == second.Id);
        Assert.Contains((await GetAsync(agent, second.Id)).Timeline, e => e.Kind == "unlinked" && e.OtherCaseId == first.Id);
        await (await agent.DeleteAsync($"/api/cases/{second.Id}/links/{first.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Merging_closes_the_duplicate_pointing_to_the_target_and_moves_its_open_callbacks()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var duplicate = await OpenAsync(agent, person.Id, "Sensor will not pair");
        var target = await OpenAsync(agent, person.Id, "Sensor pairing");
        var promised = await (await agent.PostAsJsonAsync($"/api/cases/{duplicate.Id}/callbacks", new { dueAt = TimeProvider.System.GetUtcNow().AddDays(1) }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var callbackId = Assert.Single(promised.Callbacks).Id;

        (await (await agent.PostAsJsonAsync($"/api/cases/{duplicate.Id}/merge", new { intoNumber = target.Number, version = promised.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("note");
        (await (await agent.PostAsJsonAsync($"/api/cases/{duplicate.Id}/merge", new { intoNumber = target.Number, note = " ", version = promised.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("note");
        (await (await agent.PostAsJsonAsync($"/api/cases/{duplicate.Id}/merge", new { intoNumber = duplicate.Number, note = "same", version = promised.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("intoNumber");
        var stranger = await OpenAsync(agent, (await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Mary Smith"))).Id, "Other person");
        (await (await agent.PostAsJsonAsync($"/api/cases/{duplicate.Id}/merge", new { intoCaseId = stranger.Id, note = "same", version = promised.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("intoCaseId");
        var stale = await (await agent.PostAsJsonAsync($"/api/cases/{duplicate.Id}/merge", new { intoNumber = target.Number, note = "same", version = duplicate.Version })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(promised.Version, stale.Body.GetProperty("version").GetString());

        var merged = await (await agent.PostAsJsonAsync($"/api/cases/{duplicate.Id}/merge", new { intoNumber = target.Number, note = "Same sensor, reported twice", version = promised.Version }))
            .ReadAsync<GetCase.View>();

        Assert.Equal(("closed", target.Id), (merged.Status, merged.MergedIntoCaseId));
        Assert.Empty(merged.Callbacks);
        Assert.Contains(merged.Timeline, e => e.Kind == "merged" && e.OtherCaseId == target.Id && e.Text!.Contains("Same sensor", StringComparison.Ordinal));
        var now = await GetAsync(agent, target.Id);
        Assert.Equal(callbackId, Assert.Single(now.Callbacks).Id);
        Assert.Contains(now.Timeline, e => e.Kind == "merged" && e.OtherCaseId == duplicate.Id);
        Assert.Equal(LinkCases.MergedInto, Assert.Single(await LinksAsync(agent, duplicate.Id), l => l.CaseId == target.Id).Merge);
        Assert.Equal(LinkCases.MergedHere, Assert.Single(await LinksAsync(agent, target.Id), l => l.CaseId == duplicate.Id).Merge);

        // Nothing can be merged into the merged duplicate, and it cannot be merged again.
        var third = await OpenAsync(agent, person.Id, "Third report");
        var intoMerged = await (await agent.PostAsJsonAsync($"/api/cases/{third.Id}/merge", new { intoCaseId = duplicate.Id, note = "same", version = third.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(intoMerged.Errors("intoCaseId"));
        (await (await agent.PostAsJsonAsync($"/api/cases/{duplicate.Id}/merge", new { intoCaseId = third.Id, note = "again", version = merged.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("status");

        // Nor into a closed case.
        var resolved = await (await agent.PostAsJsonAsync($"/api/cases/{target.Id}/status", new { status = "resolved", resolution = "Re-paired", version = now.Version })).ReadAsync<GetCase.View>();
        await (await agent.PostAsJsonAsync($"/api/cases/{target.Id}/status", new { status = "closed", version = resolved.Version })).ReadAsync<GetCase.View>();
        (await (await agent.PostAsJsonAsync($"/api/cases/{third.Id}/merge", new { intoNumber = target.Number, note = "same", version = third.Version })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("intoNumber");
    }

    [Fact]
    public async Task Every_timeline_entry_moves_the_cases_last_activity()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("张医生"));
        var opened = await OpenAsync(agent, person.Id, "Question");
        var atOpen = await LastActivityAsync(opened.Id);
        Assert.Equal(opened.OpenedAt, atOpen);

        var noted = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/notes", new { text = "Called back" })).ReadAsync<GetCase.View>();

        Assert.Equal(noted.Timeline[^1].At, await LastActivityAsync(opened.Id));
        Assert.True(await LastActivityAsync(opened.Id) >= atOpen);
    }

    private Task<DateTimeOffset> LastActivityAsync(Guid caseId) =>
        app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.LastActivityAt).SingleAsync());

    private static async Task<GetCase.View> OpenAsync(HttpClient agent, Guid personId, string subject) =>
        await (await agent.PostAsJsonAsync("/api/cases", new { personId, type = "technical-support", subject })).ReadAsync<GetCase.View>(HttpStatusCode.Created);

    private static async Task<GetCase.View> GetAsync(HttpClient agent, Guid id) =>
        await (await agent.GetAsync($"/api/cases/{id}")).ReadAsync<GetCase.View>();

    private static async Task<LinkCases.LinkView[]> LinksAsync(HttpClient agent, Guid id) =>
        await (await agent.GetAsync($"/api/cases/{id}/links")).ReadAsync<LinkCases.LinkView[]>();
}
