using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Staff;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>A host whose clock the test drives: deadlines pass when the test says so.</summary>
public sealed class EscalationHost : CareDeskFactory
{
    public EscalationHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 14, 19, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Escalation:AcknowledgeWithin"] = "00:10:00",
        ["Escalation:ContactWithin"] = "00:30:00",
    };
}

/// <summary>Story 5 at 3 a.m.: the on-duty expert from the roster is alerted, must answer in time, else the backup is.</summary>
public sealed class EscalationTests : HostPerTest<EscalationHost>
{
    private FakeTimeProvider Clock => App.Clock!;

    [Fact]
    public async Task The_on_duty_expert_is_alerted_and_paged_and_owns_the_case_once_they_acknowledge()
    {
        var (agent, expert, _) = await StaffAsync();
        var opened = await OpenAsync(agent);
        await RosterAsync(Clock.GetUtcNow().AddHours(-1), Clock.GetUtcNow().AddHours(11), await expert.MyIdAsync());

        var response = await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Pump alarm 'no delivery' at 3 a.m., caller anxious." });

        var escalated = await response.ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var escalation = Assert.Single(escalated.Escalations);
        Assert.Equal(("alerting", await expert.MyIdAsync()), (escalation.Status, escalation.Alerted!.Id));
        Assert.Equal(Clock.GetUtcNow().AddMinutes(10), escalation.AcknowledgeBy);
        Assert.Equal(opened.Owner, escalated.Owner);
        Assert.Contains(escalated.Timeline, e => e.Kind == "escalated" && e.To!.Id == escalation.Alerted.Id);
        Assert.True(await PagesForAsync(escalation.Id, await expert.MyIdAsync()) >= 1);
        Assert.Equal(escalation.AcknowledgeBy, await DueAtAsync(escalation.Id));
        var work = await (await expert.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>();
        Assert.Contains(work.Escalations, e => e.EscalationId == escalation.Id && e.Status == "alerting");
        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "again" })).ProblemAsync(HttpStatusCode.Conflict);

        // Only the alerted expert may acknowledge.
        await (await agent.PostAsync($"/api/escalations/{escalation.Id}/acknowledge", null)).ProblemAsync(HttpStatusCode.Conflict);
        Clock.Advance(TimeSpan.FromMinutes(4));
        var acknowledged = await (await expert.PostAsync($"/api/escalations/{escalation.Id}/acknowledge", null)).ReadAsync<GetCase.View>();
        Assert.Equal(await expert.MyIdAsync(), acknowledged.Owner.Id);
        Assert.Equal("acknowledged", acknowledged.Escalations[0].Status);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(30), acknowledged.Escalations[0].ContactBy);
        Assert.Equal(acknowledged.Escalations[0].ContactBy, await DueAtAsync(escalation.Id));

        (await (await expert.PostAsJsonAsync($"/api/escalations/{escalation.Id}/contacted", new { note = "" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("note");
        var contacted = await (await expert.PostAsJsonAsync($"/api/escalations/{escalation.Id}/contacted", new { note = "Called back; infusion set replaced, delivery OK." }))
            .ReadAsync<GetCase.View>();
        Assert.Equal("contacted", contacted.Escalations[0].Status);
        Assert.Null(await DueAtAsync(escalation.Id));
        Assert.Equal(
            ["escalated", "escalation-acknowledged", "escalation-contacted"],
            contacted.Timeline.Where(e => e.Kind.StartsWith("escalat", StringComparison.Ordinal)).Select(e => e.Kind));
    }

    [Fact]
    public async Task An_unacknowledged_night_escalation_reaches_the_backup_and_the_supervisors_then_runs_out()
    {
        var start = Clock.GetUtcNow().AddDays(2);
        await RosterAsync(start, start.AddHours(12), await UserIdAsync(Roles.Expert), await UserIdAsync(Roles.Supervisor));
        Clock.SetUtcNow(start.AddHours(8));
        var (agent, expert, supervisor) = await StaffAsync();
        var opened = await OpenAsync(agent);
        var escalated = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Sensor errors, caller's child hypo?" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var id = escalated.Escalations[0].Id;

        // An early firing changes nothing; at the deadline the durable timer (Quartz, on the host's clock) moves it on.
        Assert.False(await CheckAsync(id, 0, EscalationStatus.Alerting));
        Clock.Advance(TimeSpan.FromMinutes(10));
        await WaitForLevelAsync(id, 1, EscalationStatus.Alerting);
        Assert.False(await CheckAsync(id, 0, EscalationStatus.Alerting)); // a repeated firing changes nothing twice

        var moved = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal(("alerting", 1, await supervisor.MyIdAsync()), (moved.Escalations[0].Status, moved.Escalations[0].Level, moved.Escalations[0].Alerted!.Id));
        Assert.Contains(moved.Timeline, e => e.Kind == "escalation-missed" && e.From!.Id == escalated.Escalations[0].Alerted!.Id);
        Assert.True(await PagesForAsync(id, await supervisor.MyIdAsync()) >= 2); // paged as backup and told as supervisor
        await (await expert.PostAsync($"/api/escalations/{id}/acknowledge", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(opened.Owner, moved.Owner); // never without an owner while nobody answers

        Clock.Advance(TimeSpan.FromMinutes(10));
        await WaitForLevelAsync(id, 1, EscalationStatus.Exhausted);
        agent = await App.CreateClientForRoleAsync(Roles.Agent); // its token expired meanwhile
        var exhausted = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal("exhausted", exhausted.Escalations[0].Status);
        Assert.Contains(exhausted.Timeline, e => e.Kind == "escalation-exhausted");
        Assert.Null(await DueAtAsync(id));
    }

    [Fact]
    public async Task An_expert_who_acknowledges_but_does_not_call_back_in_time_hands_over_to_the_next()
    {
        var start = Clock.GetUtcNow().AddDays(5);
        await RosterAsync(start, start.AddHours(12), await UserIdAsync(Roles.Expert), await UserIdAsync(Roles.Supervisor));
        Clock.SetUtcNow(start.AddHours(1));
        var (agent, expert, supervisor) = await StaffAsync();
        var opened = await OpenAsync(agent);
        var id = (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Meter E-3 error." })).ReadAsync<GetCase.View>(HttpStatusCode.Created)).Escalations[0].Id;
        await (await expert.PostAsync($"/api/escalations/{id}/acknowledge", null)).ReadAsync<GetCase.View>();

        Clock.Advance(TimeSpan.FromMinutes(31));
        await WaitForLevelAsync(id, 1, EscalationStatus.Alerting);
        agent = await App.CreateClientForRoleAsync(Roles.Agent); // its token expired meanwhile

        var now = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Equal(("alerting", await UserIdAsync(Roles.Supervisor)), (now.Escalations[0].Status, now.Escalations[0].Alerted!.Id));
        Assert.Contains(now.Timeline, e => e.Kind == "escalation-missed");
    }

    [Fact]
    public async Task With_nobody_on_call_the_supervisors_are_told_at_once()
    {
        Clock.SetUtcNow(Clock.GetUtcNow().AddDays(30)); // past every shift of the other tests
        var (agent, _, supervisor) = await StaffAsync();
        var opened = await OpenAsync(agent);

        var escalated = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Nobody?" })).ReadAsync<GetCase.View>(HttpStatusCode.Created);

        Assert.Equal("exhausted", escalated.Escalations[0].Status);
        Assert.True(await PagesForAsync(escalated.Escalations[0].Id, await supervisor.MyIdAsync()) >= 1);
    }

    [Fact]
    public async Task Supervisors_edit_the_roster_and_bad_shifts_are_refused_naming_the_field()
    {
        var (agent, expert, supervisor) = await StaffAsync();
        var start = Clock.GetUtcNow().AddDays(60);
        var shift = new { teamId = "experts", startsAt = start, endsAt = start.AddHours(12), primaryUserId = await expert.MyIdAsync(), backupUserIds = new[] { await supervisor.MyIdAsync() } };

        await (await agent.PostAsJsonAsync("/api/roster", shift)).ProblemAsync(HttpStatusCode.Forbidden);
        var created = await (await supervisor.PostAsJsonAsync("/api/roster", shift)).ReadAsync<Guid>(HttpStatusCode.Created);
        (await (await supervisor.PostAsJsonAsync("/api/roster", shift with { startsAt = start.AddHours(6), endsAt = start.AddHours(18) })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("startsAt");
        (await (await supervisor.PostAsJsonAsync("/api/roster", shift with { startsAt = start.AddDays(1), endsAt = start.AddDays(1) })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("endsAt");
        (await (await supervisor.PostAsJsonAsync("/api/roster", shift with { startsAt = start.AddDays(2), endsAt = start.AddDays(2.5), primaryUserId = "nobody" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("primaryUserId");

        var listed = await (await agent.GetAsync($"/api/roster?from={Uri.EscapeDataString(start.ToString("O"))}&team=experts")).ReadAsync<Roster.ShiftView[]>();
        var view = Assert.Single(listed, s => s.Id == created);
        Assert.Equal([await expert.MyIdAsync(), await supervisor.MyIdAsync()], view.Chain.Select(p => p.UserId));
        await (await supervisor.PutAsJsonAsync($"/api/roster/{created}", new { shift.teamId, shift.startsAt, shift.endsAt, shift.primaryUserId, version = Guid.NewGuid().ToString() })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/roster/{created}")).StatusCode);
    }

    private async Task<(HttpClient Agent, HttpClient Expert, HttpClient Supervisor)> StaffAsync() =>
        (await App.CreateClientForRoleAsync(Roles.Agent), await App.CreateClientForRoleAsync(Roles.Expert), await App.CreateClientForRoleAsync(Roles.Supervisor));

    private Task<string> UserIdAsync(string role)
    {
        var email = UserSeeder.DemoEmail(role).ToUpperInvariant();
        return App.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync());
    }

    private static async Task<GetCase.View> OpenAsync(HttpClient agent)
    {
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        return await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", priority = "urgent", subject = "Pump alarm" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
    }

    private Task<int> RosterAsync(DateTimeOffset start, DateTimeOffset end, string primary, params string[] backups) =>
        App.WithDbAsync(async db =>
        {
            db.OnCallShifts.Add(new OnCallShift { TeamId = TeamSeeder.Experts, StartsAt = start, EndsAt = end, PrimaryUserId = primary, BackupUserIds = [.. backups] });
            return await db.SaveChangesAsync();
        });

    private Task<int> PagesForAsync(Guid escalationId, string userId) =>
        App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == EscalationAlerts.PagingMessageType
            && m.Payload.Contains(escalationId.ToString()) && m.Payload.Contains(userId)));

    private async Task<DateTimeOffset?> DueAtAsync(Guid escalationId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DurableTimers>().DueAtAsync<EscalationDeadlineJob>(escalationId.ToString(), CancellationToken.None);
    }

    private Task WaitForLevelAsync(Guid escalationId, int level, EscalationStatus status) =>
        Eventually.HoldsAsync(
            () => App.WithDbAsync(db => db.Escalations.AnyAsync(e => e.Id == escalationId && e.Level == level && e.Status == status)),
            TimeSpan.FromSeconds(30),
            $"escalation at level {level}, {status}");

    /// <summary>What the durable timer does when it fires.</summary>
    private async Task<bool> CheckAsync(Guid escalationId, int level, EscalationStatus status)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        return await scope.ServiceProvider.GetRequiredService<EscalationDeadlines>().CheckAsync(escalationId, level, status, CancellationToken.None);
    }
}
