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

// F15: one screening question per contact — "does the caller allege a problem with a device?" — answered when it is logged.
public sealed class ContactScreeningTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task An_outsourced_agents_yes_is_kept_on_the_contact_with_who_and_when_and_flags_the_cases_complaint_from_the_contacts_start()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await OpenAsync(agent, person.Id);
        var callStart = TimeProvider.System.GetUtcNow().AddMinutes(-25);

        var logged = await (await outsourced.PostAsJsonAsync("/api/contacts", new
        {
            personId = person.Id,
            channel = "phone",
            direction = "inbound",
            startedAt = callStart,
            caseId = opened.Id,
            deviceProblemAlleged = "yes",
        })).ReadAsync<ContactView>(HttpStatusCode.Created);

        var outsourcedId = await outsourced.MyIdAsync();
        Assert.Equal(("yes", outsourcedId), (logged.Screening!.DeviceProblemAlleged, logged.Screening.ScreenedBy));
        Assert.NotNull(logged.Screening.ScreenedAt);
        Assert.Contains(logged.Cases, c => c.Id == opened.Id);
        var complaint = await (await agent.GetAsync($"/api/cases/{opened.Id}/complaint")).ReadAsync<GetComplaint.View>();
        // The maker is aware from the moment its contractor picked up, not from when the form was saved.
        Assert.Equal(callStart.ToUnixTimeMilliseconds(), complaint.AwarenessAt.ToUnixTimeMilliseconds());
        Assert.Equal(logged.Id, complaint.AwarenessContactId);
        var @case = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal("complaint", @case.Type);
        Assert.Contains(@case.Timeline, e => e.Kind == "contact-linked" && e.Contact!.Id == logged.Id);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Contact) && e.EntityId == logged.Id.ToString()
            && e.ActorId == outsourcedId && e.Changes!.Contains("DeviceProblemAlleged"))));
    }

    [Fact]
    public async Task A_no_is_recorded_too_and_flags_nothing()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var opened = await OpenAsync(agent, person.Id);

        var logged = await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound", caseId = opened.Id, deviceProblemAlleged = "no" }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);

        Assert.Equal(("no", await agent.MyIdAsync()), (logged.Screening!.DeviceProblemAlleged, logged.Screening.ScreenedBy));
        Assert.False(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.CaseId == opened.Id)));
        Assert.Equal("question", (await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>()).Type);
        var read = await (await agent.GetAsync($"/api/contacts/{logged.Id}")).ReadAsync<ContactView>();
        Assert.Equal("no", read.Screening!.DeviceProblemAlleged);
    }

    [Fact]
    public async Task A_contact_about_a_case_without_a_valid_answer_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Mary Smith"));
        var opened = await OpenAsync(agent, person.Id);
        var externalId = $"screening-{Guid.NewGuid():N}";

        (await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound", externalId, caseId = opened.Id }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("deviceProblemAlleged");
        (await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound", externalId, caseId = opened.Id, deviceProblemAlleged = "maybe" }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("deviceProblemAlleged");
        (await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound", externalId, caseId = Guid.CreateVersion7(), deviceProblemAlleged = "yes" }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("caseId");

        Assert.False(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.ExternalId == externalId)));
        Assert.False(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.CaseId == opened.Id)));
        // Without a case the answer stays optional: phone-system calls and clients from before screening keep working.
        var unscreened = await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound", externalId }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        Assert.Null(unscreened.Screening);
    }

    [Fact]
    public async Task A_field_rep_screens_contacts_about_their_own_customers_cases_only()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await rep.MyIdAsync();
        var theirs = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜", fieldRep: repId));
        var notTheirs = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        var visible = await OpenAsync(agent, theirs.Id);
        var hidden = await OpenAsync(agent, notTheirs.Id);

        await (await rep.PostAsJsonAsync("/api/contacts", new { personId = theirs.Id, channel = "visit", direction = "outbound", caseId = hidden.Id, deviceProblemAlleged = "yes" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.CaseId == hidden.Id)));

        var logged = await (await rep.PostAsJsonAsync("/api/contacts", new { personId = theirs.Id, channel = "visit", direction = "outbound", caseId = visible.Id, deviceProblemAlleged = "yes" }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        Assert.Equal(repId, logged.Screening!.ScreenedBy);
        Assert.True(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.CaseId == visible.Id && c.AwarenessContactId == logged.Id)));
    }

    [Fact]
    public async Task A_call_the_phone_system_recorded_is_screened_later_and_a_yes_flags_its_cases_complaint_from_the_calls_start()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        var opened = await OpenAsync(agent, person.Id);
        var callStart = TimeProvider.System.GetUtcNow().AddHours(-2);
        // As the phone system records it: no case, no answer; the agent puts it on the case afterwards.
        var call = await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound", startedAt = callStart }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/contacts", new { contactId = call.Id })).EnsureSuccessStatusCode();
        var unanswered = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Null(unanswered.Timeline.Single(e => e.Contact?.Id == call.Id).Contact!.DeviceProblemAlleged);

        var screened = await (await outsourced.PostAsJsonAsync($"/api/contacts/{call.Id}/screening", new { deviceProblemAlleged = "yes" })).ReadAsync<ContactView>();

        var outsourcedId = await outsourced.MyIdAsync();
        Assert.Equal(("yes", outsourcedId), (screened.Screening!.DeviceProblemAlleged, screened.Screening.ScreenedBy));
        var complaint = await (await agent.GetAsync($"/api/cases/{opened.Id}/complaint")).ReadAsync<GetComplaint.View>();
        Assert.Equal(callStart.ToUnixTimeMilliseconds(), complaint.AwarenessAt.ToUnixTimeMilliseconds());
        Assert.Equal(call.Id, complaint.AwarenessContactId);
        var @case = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal("complaint", @case.Type);
        Assert.Equal("yes", @case.Timeline.Single(e => e.Contact?.Id == call.Id).Contact!.DeviceProblemAlleged);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Contact) && e.EntityId == call.Id.ToString()
            && e.ActorId == outsourcedId && e.Changes!.Contains("DeviceProblemAlleged"))));

        // The same answer again is a retry; a different one is refused: only quality clears a flag.
        (await agent.PostAsJsonAsync($"/api/contacts/{call.Id}/screening", new { deviceProblemAlleged = "yes" })).EnsureSuccessStatusCode();
        await (await agent.PostAsJsonAsync($"/api/contacts/{call.Id}/screening", new { deviceProblemAlleged = "no" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Screening_later_refuses_a_bad_answer_an_unknown_contact_another_reps_customer_and_a_contact_on_several_cases_without_caseId()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var first = await OpenAsync(agent, person.Id);
        var second = await OpenAsync(agent, person.Id);
        var call = await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person.Id, channel = "phone", direction = "inbound" }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);

        (await (await agent.PostAsJsonAsync($"/api/contacts/{call.Id}/screening", new { deviceProblemAlleged = "maybe" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("deviceProblemAlleged");
        await (await agent.PostAsJsonAsync($"/api/contacts/{Guid.CreateVersion7()}/screening", new { deviceProblemAlleged = "no" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await rep.PostAsJsonAsync($"/api/contacts/{call.Id}/screening", new { deviceProblemAlleged = "no" })).ProblemAsync(HttpStatusCode.Forbidden);
        (await agent.PostAsJsonAsync($"/api/cases/{first.Id}/contacts", new { contactId = call.Id })).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/cases/{second.Id}/contacts", new { contactId = call.Id })).EnsureSuccessStatusCode();
        (await (await agent.PostAsJsonAsync($"/api/contacts/{call.Id}/screening", new { deviceProblemAlleged = "yes" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("caseId");
        Assert.False(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Id == call.Id && c.DeviceProblemAlleged != null)));

        await (await agent.PostAsJsonAsync($"/api/contacts/{call.Id}/screening", new { deviceProblemAlleged = "yes", caseId = second.Id })).ReadAsync<ContactView>();
        Assert.True(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.CaseId == second.Id && c.AwarenessContactId == call.Id)));
        Assert.False(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.CaseId == first.Id)));
    }

    private static async Task<GetCase.View> OpenAsync(HttpClient client, Guid personId) =>
        await (await client.PostAsJsonAsync("/api/cases", new { personId, type = "question", subject = "CGM did not alarm" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
}
