using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Contacts;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Cases;

public sealed class CasesApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Opening_a_case_answers_201_with_a_readable_number_and_the_opener_as_owner()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var device = await app.AddDeviceAsync(person.Id, "SN-CASE-1", null);

        var response = await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", priority = "high", subject = "Meter drains batteries", deviceId = device });

        var opened = await response.ReadAsync<GetCase.View>(HttpStatusCode.Created);
        Assert.Equal($"/api/cases/{opened.Id}", response.Headers.Location?.OriginalString);
        Assert.Matches($"^[{CaseNumbers.Alphabet}]{{4}}-[{CaseNumbers.Alphabet}]{{4}}$", opened.Number);
        Assert.Equal(new OwnerView("user", await agent.MyIdAsync(), "王芳"), opened.Owner);
        Assert.Equal(("technical-support", "high", "new"), (opened.Type, opened.Priority, opened.Status));
        Assert.Equal(device, opened.DeviceId);
        Assert.Equal("opened", Assert.Single(opened.Timeline).Kind);

        // The caller reads the number out: any case, with or without the dash, finds it.
        var byNumber = await (await agent.GetAsync($"/api/cases?number={opened.Number.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}")).ReadAsync<CaseSummary[]>();
        Assert.Equal(opened.Id, Assert.Single(byNumber).Id);
    }

    [Theory]
    [InlineData("""{"type":"question","subject":"x"}""", "personId")]
    [InlineData("""{"personId":"PERSON","type":"gossip","subject":"x"}""", "type")]
    [InlineData("""{"personId":"PERSON","type":"question","priority":"asap","subject":"x"}""", "priority")]
    [InlineData("""{"personId":"PERSON","type":"question","subject":"  "}""", "subject")]
    [InlineData("""{"personId":"PERSON","type":"question","subject":"x","ownerTeam":"no-such-team"}""", "ownerTeam")]
    [InlineData("""{"personId":"PERSON","type":"question","subject":"x","deviceId":"0199a000-0000-7000-8000-000000000000"}""", "deviceId")]
    [InlineData("""{"personId":"0199a000-0000-7000-8000-000000000000","type":"question","subject":"x"}""", "personId")]
    public async Task Bad_case_input_is_a_400_naming_the_field(string json, string field)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var content = new StringContent(json.Replace("PERSON", person.Id.ToString(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");

        var problem = await (await agent.PostAsync("/api/cases", content)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors(field);
    }

    [Fact]
    public async Task A_supervisor_in_no_team_sees_every_teams_queue_and_an_agent_only_their_own_teams()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "complaint", subject = "Meter drains batteries" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/handoffs", new { toTeam = "quality", note = "Needs an investigation." })).ReadAsync<GetCase.View>();

        var overseen = await (await supervisor.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>();
        var own = await (await agent.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>();

        var teams = await app.WithDbAsync(db => db.Teams.Select(t => t.Id).OrderBy(t => t).ToListAsync());
        Assert.Equal(teams, overseen.Queues.Select(q => q.TeamId).Order().ToList());
        Assert.Contains(overseen.Queues.Single(q => q.TeamId == "quality").Cases, c => c.Id == opened.Id);
        Assert.DoesNotContain(own.Queues, q => q.TeamId == "quality");
    }

    [Fact]
    public async Task A_handoff_needs_a_note_and_then_moves_the_case_to_the_department_and_back()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李小宝"));
        var opened = await OpenAsync(agent, person.Id);

        var noNote = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/handoffs", new { toTeam = "quality", note = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        noNote.Errors("note");
        var missingNote = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/handoffs", new { toTeam = "quality" })).ProblemAsync(HttpStatusCode.BadRequest);
        missingNote.Errors("note");
        var both = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/handoffs", new { toTeam = "quality", toUserId = await agent.MyIdAsync(), note = "n" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(both.FieldsInError());
        Assert.Equal("new", (await GetAsync(agent, opened.Id)).Status);

        var handed = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/handoffs", new { toTeam = "quality", note = "Meter drains batteries in 2 days; battery swapped, same. Needs an investigation." }))
            .ReadAsync<GetCase.View>();
        Assert.Equal(("team", "quality"), (handed.Owner.Kind, handed.Owner.Id));
        var handoff = handed.Timeline[^1];
        Assert.Equal("handoff", handoff.Kind);
        Assert.Equal("user", handoff.From!.Kind);
        Assert.Equal("quality", handoff.To!.Id);
        Assert.StartsWith("Meter drains", handoff.Text, StringComparison.Ordinal);

        // Quality sees it in its queue, takes it and hands it back to the agent with the finding.
        var qualityWork = await (await quality.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>();
        Assert.Contains(qualityWork.Queues.Single(q => q.TeamId == "quality").Cases, c => c.Id == opened.Id);
        var taken = await (await quality.PostAsJsonAsync($"/api/cases/{opened.Id}/take", new { version = handed.Version })).ReadAsync<GetCase.View>();
        Assert.Equal(await quality.MyIdAsync(), taken.Owner.Id);
        var back = await (await quality.PostAsJsonAsync($"/api/cases/{opened.Id}/handoffs", new { toUserId = await agent.MyIdAsync(), note = "Firmware fault, replacement approved." }))
            .ReadAsync<GetCase.View>();
        Assert.Equal(await agent.MyIdAsync(), back.Owner.Id);
        Assert.Equal(["opened", "handoff", "taken", "handoff"], back.Timeline.Select(e => e.Kind));
        var mine = await (await agent.GetAsync("/api/cases?owner=me")).ReadAsync<CaseSummary[]>();
        Assert.Contains(mine, c => c.Id == opened.Id);
    }

    [Fact]
    public async Task Two_agents_taking_the_same_case_at_once_one_wins_the_other_gets_409()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var expert = await app.CreateClientForRoleAsync(Roles.Expert);
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Mary Smith"));
        var opened = await OpenAsync(agent, person.Id, ownerTeam: "front-line");
        Assert.Equal("front-line", opened.Owner.Id);

        var answers = await Task.WhenAll(
            expert.PostAsJsonAsync($"/api/cases/{opened.Id}/take", new { version = opened.Version }),
            supervisor.PostAsJsonAsync($"/api/cases/{opened.Id}/take", new { version = opened.Version }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var loser = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).ReadAsync<GetCase.View>();
        Assert.Equal(winner.Version, loser.Body.GetProperty("version").GetString());
        var stored = await GetAsync(agent, opened.Id);
        Assert.Equal(winner.Owner, stored.Owner);
        Assert.Single(stored.Timeline, e => e.Kind == "taken");
    }

    [Fact]
    public async Task The_database_refuses_a_case_with_no_owner_or_two()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("张医生", kind: "healthcare-professional"));
        var opened = await OpenAsync(agent, person.Id);

        // Straight SQL, past all of CareDesk's code: the check constraint still holds.
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE cases SET \"OwnerUserId\" = NULL WHERE \"Id\" = {opened.Id}")));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE cases SET \"OwnerTeamId\" = 'quality' WHERE \"Id\" = {opened.Id}")));
        // And through EF.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var found = await db.Cases.SingleAsync(c => c.Id == opened.Id);
            found.OwnerUserId = null;
            return await db.SaveChangesAsync();
        }));

        Assert.Equal(opened.Owner, (await GetAsync(agent, opened.Id)).Owner);
    }

    [Fact]
    public async Task A_case_is_resolved_with_a_resolution_closed_and_reopened_with_a_reason()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        var opened = await OpenAsync(agent, person.Id);

        var answered = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/notes", new { text = "Use strips of the Guide family only.", isAnswer = true })).ReadAsync<GetCase.View>();
        Assert.Equal(("in-progress", "Use strips of the Guide family only."), (answered.Status, answered.Answer));

        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "resolved" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("resolution");
        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "closed" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("status");
        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "done" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("status");

        var resolved = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "resolved", resolution = "Right strips named; pharmacy given." })).ReadAsync<GetCase.View>();
        Assert.Equal("resolved", resolved.Status);
        Assert.NotNull(resolved.ResolvedAt);
        var closed = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "closed" })).ReadAsync<GetCase.View>();
        Assert.Equal("closed", closed.Status);
        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/handoffs", new { toTeam = "quality", note = "n" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("status");

        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "in-progress" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("note");
        var reopened = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "in-progress", note = "Strips still rejected." })).ReadAsync<GetCase.View>();
        Assert.Equal(("in-progress", 1), (reopened.Status, reopened.ReopenCount));
        Assert.Null(reopened.ClosedAt);

        var stale = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "waiting-on-customer", version = closed.Version })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(reopened.Version, stale.Body.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_call_is_linked_to_the_case_once_and_shows_on_its_timeline()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var other = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var call = await app.WithDbAsync(async db =>
        {
            var contact = new Contact { Source = "telephony", ExternalId = Guid.NewGuid().ToString(), PersonId = person.Id, StartedAt = TimeProvider.System.GetUtcNow() };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });

        var opened = await OpenAsync(agent, person.Id, contactId: call);
        Assert.Equal(call, opened.Timeline.Single(e => e.Kind == "contact-linked").Contact!.Id);
        var again = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/contacts", new { contactId = call })).ReadAsync<GetCase.View>();
        Assert.Single(again.Timeline, e => e.Kind == "contact-linked");

        var foreign = await OpenAsync(agent, other.Id);
        (await (await agent.PostAsJsonAsync($"/api/cases/{foreign.Id}/contacts", new { contactId = call })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("contactId");
    }

    [Fact]
    public async Task A_case_for_the_patient_opened_from_the_caregivers_call_links_the_call_and_names_her_as_the_caller()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var father = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var daughter = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽", kind: "caregiver"));
        (await agent.PostAsJsonAsync($"/api/people/{daughter.Id}/relationships", new { kind = "caregiver-of", personId = father.Id })).EnsureSuccessStatusCode();
        var call = await AddCallAsync(daughter.Id);

        // Before: "this person has no such contact" (400 contactId), and no case.
        var opened = await OpenAsync(agent, father.Id, contactId: call);

        Assert.Equal(father.Id, opened.PersonId);
        Assert.Equal(new GetCase.PersonView(daughter.Id, "王丽"), opened.Caller);
        var linked = opened.Timeline.Single(e => e.Kind == "contact-linked").Contact!;
        Assert.Equal((call, daughter.Id), (linked.Id, linked.Caller?.Id));
        Assert.Equal(new GetCase.PersonView(daughter.Id, "王丽"), (await GetAsync(agent, opened.Id)).Caller);
        // The call stays hers: it is on her record, and on his case.
        Assert.Equal(daughter.Id, await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == call).Select(c => c.PersonId).SingleAsync()));
        Assert.Equal(daughter.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == opened.Id).Select(c => c.CallerPersonId).SingleAsync()));

        // Her next call about him goes on the same case.
        var next = await AddCallAsync(daughter.Id);
        var relinked = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/contacts", new { contactId = next })).ReadAsync<GetCase.View>();
        Assert.Contains(relinked.Timeline, e => e.Contact?.Id == next && e.Contact.Caller?.Id == daughter.Id);
    }

    [Fact]
    public async Task A_case_refuses_the_call_of_someone_the_person_is_not_reached_through()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var father = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var stranger = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var patientOfStranger = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李小宝"));
        // She cares for someone, but not for him.
        (await agent.PostAsJsonAsync($"/api/people/{stranger.Id}/relationships", new { kind = "caregiver-of", personId = patientOfStranger.Id })).EnsureSuccessStatusCode();
        var call = await AddCallAsync(stranger.Id);
        var casesBefore = await app.WithDbAsync(db => db.Cases.CountAsync(c => c.PersonId == father.Id));

        var refused = await agent.PostAsJsonAsync("/api/cases", new { personId = father.Id, type = "question", subject = "x", contactId = call });

        (await refused.ProblemAsync(HttpStatusCode.BadRequest)).Errors("contactId");
        Assert.Equal(casesBefore, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.PersonId == father.Id)));
        var his = await OpenAsync(agent, father.Id);
        (await (await agent.PostAsJsonAsync($"/api/cases/{his.Id}/contacts", new { contactId = call })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("contactId");
        Assert.Null((await GetAsync(agent, his.Id)).Caller);
    }

    private Task<Guid> AddCallAsync(Guid personId) =>
        app.WithDbAsync(async db =>
        {
            var contact = new Contact { Source = "telephony", ExternalId = Guid.NewGuid().ToString(), PersonId = personId, StartedAt = TimeProvider.System.GetUtcNow() };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });

    [Fact]
    public async Task A_field_rep_sees_only_cases_of_their_own_customers_and_reads_are_audited()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await rep.MyIdAsync();
        var theirs = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李小宝", fieldRep: repId));
        var notTheirs = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        var visible = await OpenAsync(agent, theirs.Id);
        var hidden = await OpenAsync(agent, notTheirs.Id);

        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"/api/cases/{visible.Id}")).StatusCode);
        await (await rep.GetAsync($"/api/cases/{hidden.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync($"/api/cases/{hidden.Id}/notes", new { text = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync("/api/cases", new { personId = notTheirs.Id, type = "question", subject = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        var listed = await (await rep.GetAsync($"/api/cases?personId={notTheirs.Id}")).ReadAsync<CaseSummary[]>();
        Assert.Empty(listed);

        var reads = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Case" && e.EntityId == visible.Id.ToString() && e.ActorId == repId && e.Action == "read"));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Teams_list_the_departments_and_their_members()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var teams = await (await agent.GetAsync("/api/teams")).ReadAsync<TeamDto[]>();

        Assert.Equal(["front-line", "experts"], teams.Where(t => !t.IsDepartment).Select(t => t.Id).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["logistics", "medical", "quality", "repair", "sales"], teams.Where(t => t.IsDepartment).Select(t => t.Id).Order(StringComparer.Ordinal));
        var me = await agent.MyIdAsync();
        Assert.Contains(teams.Single(t => t.Id == "front-line").Members, m => m.UserId == me);
    }

    [Theory]
    [InlineData("POST", "status", """{"status":"in-progress","version":"VERSION"}""")]
    [InlineData("POST", "handoffs", """{"toTeam":"quality","note":"Needs a repair quote.","version":"VERSION"}""")]
    [InlineData("POST", "take", """{"version":"VERSION"}""")]
    [InlineData("PUT", "details", """{"description":"Meter shows E-3.","version":"VERSION"}""")]
    [InlineData("POST", "merge", """{"intoNumber":"TARGET","note":"Same meter, same fault.","version":"VERSION"}""")]
    public async Task Every_change_of_a_case_answers_404_for_an_unknown_case_and_409_for_a_version_read_before_another_change(string method, string action, string json)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await OpenAsync(agent, person.Id, ownerTeam: "front-line");
        var target = await OpenAsync(agent, person.Id);
        Task<HttpResponseMessage> SendAsync(Guid id, string version) => agent.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/cases/{id}/{action}")
        {
            Content = ApiJson.Raw(json.Replace("VERSION", version, StringComparison.Ordinal).Replace("TARGET", target.Number, StringComparison.Ordinal)),
        });

        await (await SendAsync(Guid.NewGuid(), opened.Version)).ProblemAsync(HttpStatusCode.NotFound);

        var stale = await (await SendAsync(opened.Id, Guid.NewGuid().ToString())).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(opened.Version, stale.Body.GetProperty("version").GetString());
        var stored = await GetAsync(agent, opened.Id);
        Assert.Equal((opened.Version, opened.Status, opened.Owner), (stored.Version, stored.Status, stored.Owner));
        Assert.Equal(opened.Timeline.Count, stored.Timeline.Count);
    }

    private sealed record TeamDto(string Id, string Name, bool IsDepartment, MemberDto[] Members);

    private sealed record MemberDto(string UserId, string Name);

    private static async Task<GetCase.View> OpenAsync(HttpClient client, Guid personId, string? ownerTeam = null, Guid? contactId = null) =>
        await (await client.PostAsJsonAsync("/api/cases", new { personId, type = "question", subject = "Which strips fit my meter?", ownerTeam, contactId }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

    private static async Task<GetCase.View> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/cases/{id}")).ReadAsync<GetCase.View>();
}
