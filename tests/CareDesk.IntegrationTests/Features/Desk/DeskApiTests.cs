using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Desk;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Desk;

/// <summary>GET /api/desk, the home page's read model: what needs me now, and for supervisors where service stands.</summary>
public sealed class DeskApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task An_agents_desk_has_their_cases_by_due_time_callbacks_due_today_and_recent_contacts_and_the_read_is_audited()
    {
        var (agent, me) = await FreshAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var later = await OpenAsync(agent, person.Id, "Strips do not fit", "low");
        var sooner = await OpenAsync(agent, person.Id, "Pump occlusion alarm", "urgent");
        var now = TimeProvider.System.GetUtcNow();
        var due = now.AddSeconds(30);
        await (await agent.PostAsJsonAsync($"/api/cases/{sooner.Id}/callbacks", new { dueAt = due, note = "Call back about the pump" })).ReadAsync<GetCase.View>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync($"/api/cases/{later.Id}/callbacks", new { dueAt = now.AddDays(3) })).ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var contact = await (await agent.PostAsJsonAsync("/api/contacts", new { channel = "phone", direction = "inbound", personId = person.Id, agentUserId = me, startedAt = now.AddMinutes(-5) }))
            .ReadAsync<ContactId>(HttpStatusCode.Created);

        var desk = await (await agent.GetAsync("/api/desk")).ReadAsync<GetDesk.Desk>();

        // Most urgent first, each with its service-level state, as on my work.
        Assert.Equal([sooner.Id, later.Id], desk.Mine.Select(c => c.Id));
        Assert.All(desk.Mine, c => Assert.Equal("on-track", c.ServiceLevel));
        var callback = Assert.Single(desk.CallbacksToday);
        Assert.Equal(sooner.Id, callback.CaseId);
        var recent = Assert.Single(desk.RecentContacts);
        Assert.Equal((contact.Id, person.Id, "phone", "inbound"), (recent.Id, recent.PersonId, recent.Channel, recent.Direction));
        Assert.Equal(person.Name, recent.PersonName);
        Assert.Empty(desk.Escalations);
        Assert.Null(desk.Supervision);

        // One audit entry for the desk, naming the person shown.
        var reads = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ActorId == me && e.Action == "read" && e.Reason == "desk").ToListAsync());
        Assert.Contains(reads, e => e.Subjects!.Contains(person.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_supervisors_desk_counts_every_teams_queue_and_lists_what_is_at_risk_and_unacknowledged()
    {
        var (supervisor, _) = await FreshAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var before = await (await supervisor.GetAsync("/api/desk")).ReadAsync<GetDesk.Desk>();
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var queued = await OpenAsync(agent, person.Id, "Meter shows E-3", "normal", ownerTeam: "quality");
        var late = await OpenAsync(agent, person.Id, "Refund not received", "high", ownerTeam: "quality");
        // Its first response was due long ago: breached.
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == late.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FirstResponseDueAt, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .SetProperty(c => c.NextDueAt, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero))));

        var desk = await (await supervisor.GetAsync("/api/desk")).ReadAsync<GetDesk.Desk>();

        var supervision = desk.Supervision!;
        var teams = await app.WithDbAsync(db => db.Teams.Select(t => t.Id).OrderBy(t => t).ToListAsync());
        Assert.Equal(teams, supervision.Queues.Select(q => q.TeamId));
        var quality = supervision.Queues.Single(q => q.TeamId == "quality");
        var qualityBefore = before.Supervision!.Queues.Single(q => q.TeamId == "quality");
        Assert.Equal(qualityBefore.Open + 2, quality.Open);
        Assert.Equal(qualityBefore.Breached + 1, quality.Breached);
        Assert.Equal(late.Id, supervision.AtRisk[0].Id);
        Assert.Equal("breached", supervision.AtRisk[0].ServiceLevel);
        Assert.DoesNotContain(supervision.AtRisk, c => c.Id == queued.Id);
    }

    [Fact]
    public async Task An_escalation_nobody_acknowledged_is_on_the_supervisors_desk_and_on_the_alerted_experts()
    {
        var (supervisor, _) = await FreshAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var expert = await app.CreateClientForRoleAsync(Roles.Expert);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李小宝"));
        var opened = await OpenAsync(agent, person.Id, "Pump alarm at night", "urgent");
        var escalated = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Occlusion alarm, child on pump." })).ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var escalation = escalated.Escalations.Single();
        // The demo roster has the demo expert on call first.
        Assert.Equal((await expert.MyIdAsync(), "alerting"), (escalation.Alerted?.Id, escalation.Status));
        var escalationId = escalation.Id;

        var overseen = await (await supervisor.GetAsync("/api/desk")).ReadAsync<GetDesk.Desk>();
        var mine = await (await expert.GetAsync("/api/desk")).ReadAsync<GetDesk.Desk>();

        var waiting = Assert.Single(overseen.Supervision!.Unacknowledged, e => e.EscalationId == escalationId);
        Assert.Equal(opened.Number, waiting.CaseNumber);
        Assert.NotNull(waiting.Alerted);
        Assert.Contains(mine.Escalations, e => e.EscalationId == escalationId && e.Status == "alerting");
    }

    private async Task<(HttpClient Client, string Id)> FreshAsync(string role)
    {
        var (_, user, view) = await app.CreateFreshUserAsync(role);
        return (await app.CreateClientForAsync(user.Email, user.Password), view.Id);
    }

    private static async Task<GetCase.View> OpenAsync(HttpClient client, Guid personId, string subject, string priority, string? ownerTeam = null) =>
        await (await client.PostAsJsonAsync("/api/cases", new { personId, type = "technical-support", priority, subject, ownerTeam }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

    private sealed record ContactId(Guid Id);
}
