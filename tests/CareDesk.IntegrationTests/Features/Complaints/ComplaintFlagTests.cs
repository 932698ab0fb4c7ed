using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints;
using CareDesk.Features.Contacts;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Complaints;

// F15: the screening answer opens the complaint file; awareness is the contact's start; only quality clears it.
public sealed class ComplaintFlagTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_complaint_found_in_a_call_takes_the_calls_start_as_awareness_and_makes_the_case_a_complaint()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var setup = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await setup.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var callStart = TimeProvider.System.GetUtcNow().AddMinutes(-40);
        var call = await (await setup.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound", startedAt = callStart }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        var opened = await (await setup.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "Meter drains batteries", contactId = call.Id }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

        var flagged = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { contactId = call.Id })).ReadAsync<GetComplaint.View>();

        // An outsourced agent's call counts: the maker is aware from the moment its contractor picked up.
        Assert.Equal(callStart.ToUnixTimeMilliseconds(), flagged.AwarenessAt.ToUnixTimeMilliseconds());
        Assert.Equal(call.Id, flagged.AwarenessContactId);
        Assert.Equal(opened.Number, flagged.CaseNumber);
        Assert.True(flagged.Active);
        Assert.True(flagged.LegalHold);
        var @case = await (await setup.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal("complaint", @case.Type);
        Assert.Equal("complaint-flagged", @case.Timeline[^1].Kind);

        // Flagging again is the same file, not a second one.
        var again = await (await setup.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        Assert.Equal(flagged.Id, again.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Complaint>().CountAsync(c => c.CaseId == opened.Id)));
        Assert.Equal(flagged.Id, (await (await setup.GetAsync($"/api/cases/{opened.Id}/complaint")).ReadAsync<GetComplaint.View>()).Id);
    }

    [Fact]
    public async Task A_contact_that_is_not_on_the_case_is_a_400_naming_contactId_and_nothing_is_stored()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var other = await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound" }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        var opened = await OpenAsync(agent, person.Id);

        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { contactId = other.Id })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("contactId");
        Assert.False(string.IsNullOrEmpty((await (await agent.PostAsJsonAsync($"/api/cases/{Guid.CreateVersion7()}/complaint", new { })).ProblemAsync(HttpStatusCode.NotFound)).Detail));

        Assert.False(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.CaseId == opened.Id)));
        Assert.Equal("question", (await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>()).Type);
        await (await agent.GetAsync($"/api/cases/{opened.Id}/complaint")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_quality_clears_a_complaint_and_only_with_a_reason_that_stays_on_the_timeline()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Mary Smith"));
        var opened = await OpenAsync(agent, person.Id);
        var flagged = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();

        await (await agent.PostAsJsonAsync($"/api/complaints/{flagged.Id}/clear", new { reason = "Asked how to set the clock." })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await supervisor.PostAsJsonAsync($"/api/complaints/{flagged.Id}/clear", new { reason = "Asked how to set the clock." })).ProblemAsync(HttpStatusCode.Forbidden);
        (await (await quality.PostAsJsonAsync($"/api/complaints/{flagged.Id}/clear", new { reason = "  " })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("reason");
        Assert.False(string.IsNullOrEmpty((await (await quality.PostAsJsonAsync($"/api/complaints/{flagged.Id}/clear", new { reason = "x", version = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.Conflict)).Detail));
        Assert.True((await (await agent.GetAsync($"/api/complaints/{flagged.Id}")).ReadAsync<GetComplaint.View>()).Active);

        var cleared = await (await quality.PostAsJsonAsync($"/api/complaints/{flagged.Id}/clear", new { reason = "Asked how to set the clock; no deficiency alleged.", version = flagged.Version }))
            .ReadAsync<GetComplaint.View>();

        Assert.False(cleared.Active);
        Assert.Equal(await quality.MyIdAsync(), cleared.ClearedBy);
        var entry = (await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>()).Timeline[^1];
        Assert.Equal(("complaint-cleared", "Asked how to set the clock; no deficiency alleged."), (entry.Kind, entry.Text));
        // The file stays (legal hold) and the change is in the audit log under quality's name.
        Assert.True(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.Id == flagged.Id)));
        var qualityId = await quality.MyIdAsync();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Complaint) && e.EntityId == flagged.Id.ToString() && e.ActorId == qualityId && e.Action == "updated")));

        // New information makes it a complaint again: the same file, the first awareness kept.
        var reflagged = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        Assert.Equal((flagged.Id, true, flagged.AwarenessAt), (reflagged.Id, reflagged.Active, reflagged.AwarenessAt));
    }

    [Fact]
    public async Task Awareness_is_corrected_by_quality_only_with_a_reason_and_never_into_the_future()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李小宝"));
        var opened = await OpenAsync(agent, person.Id);
        var flagged = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        var earlier = flagged.AwarenessAt.AddDays(-2);

        await (await agent.PutAsJsonAsync($"/api/complaints/{flagged.Id}/awareness", new { awarenessAt = earlier, reason = "Field rep heard it first." })).ProblemAsync(HttpStatusCode.Forbidden);
        (await (await quality.PutAsJsonAsync($"/api/complaints/{flagged.Id}/awareness", new { awarenessAt = earlier, reason = "" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("reason");
        (await (await quality.PutAsJsonAsync($"/api/complaints/{flagged.Id}/awareness", new { awarenessAt = TimeProvider.System.GetUtcNow().AddHours(1), reason = "typo" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("awarenessAt");
        (await (await quality.PutAsJsonAsync($"/api/complaints/{flagged.Id}/awareness", new { reason = "no time" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("awarenessAt");

        var corrected = await (await quality.PutAsJsonAsync($"/api/complaints/{flagged.Id}/awareness", new { awarenessAt = earlier, reason = "Field rep heard it at the clinic two days before the call." }))
            .ReadAsync<GetComplaint.View>();

        Assert.Equal(earlier.ToUnixTimeMilliseconds(), corrected.AwarenessAt.ToUnixTimeMilliseconds());
        var entry = (await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>()).Timeline[^1];
        Assert.Equal("complaint-awareness-corrected", entry.Kind);
        Assert.EndsWith("Field rep heard it at the clinic two days before the call.", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_rep_neither_flags_nor_reads_the_complaint_of_another_reps_customer_and_the_refusal_is_audited()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await rep.MyIdAsync();
        var notTheirs = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        var theirs = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜", fieldRep: repId));
        var hidden = await OpenAsync(agent, notTheirs.Id);
        var visible = await OpenAsync(agent, theirs.Id);
        var flagged = await (await agent.PostAsJsonAsync($"/api/cases/{hidden.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();

        await (await rep.PostAsJsonAsync($"/api/cases/{hidden.Id}/complaint", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/complaints/{flagged.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        var own = await (await rep.PostAsJsonAsync($"/api/cases/{visible.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        Assert.Equal(theirs.Id, own.PersonId);

        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Complaint) && e.EntityId == flagged.Id.ToString() && e.ActorId == repId && e.Action == "read-denied")));
    }

    [Fact]
    public async Task Two_agents_flagging_the_same_case_at_once_make_one_file()
    {
        var first = await app.CreateClientForRoleAsync(Roles.Agent);
        var second = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await first.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await OpenAsync(first, person.Id);

        var answers = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { }),
            second.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { }));

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Complaint>().CountAsync(c => c.CaseId == opened.Id)));
    }

    [Fact]
    public async Task A_case_holding_a_complaint_is_never_resolved_as_a_question()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await OpenAsync(agent, person.Id);
        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/complaint", new { })).ReadAsync<GetComplaint.View>();
        // Flagging made it a complaint; should anything ever turn it back into a question, resolving it must still fail.
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == opened.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Type, CaseType.Question)));

        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "resolved", resolution = "Told her how to change the battery." }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("type");

        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == opened.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Type, CaseType.Complaint)));
        var resolved = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "resolved", resolution = "Replacement sent; meter returned for analysis." }))
            .ReadAsync<GetCase.View>();
        Assert.Equal("resolved", resolved.Status);
    }

    private static async Task<GetCase.View> OpenAsync(HttpClient client, Guid personId) =>
        await (await client.PostAsJsonAsync("/api/cases", new { personId, type = "question", subject = "Meter drains batteries" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
}
