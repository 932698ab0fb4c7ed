using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.NothingLost;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.NothingLost;

/// <summary>A host whose clock the test drives, for the nothing-lost detector.</summary>
public sealed class FindingsHost : CareDeskFactory
{
    public FindingsHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2031, 6, 2, 2, 0, 0, TimeSpan.Zero));
}

/// <summary>F14: each rule of the detector raises a finding once while its condition holds, and resolves it when it clears.</summary>
public sealed class FindingsTests : HostPerTest<FindingsHost>
{
    [Fact]
    public async Task A_case_idle_beyond_its_status_threshold_is_raised_once_and_resolved_by_new_activity()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        var opened = await OpenAsync(agent, "Meter shows E-3");
        await NothingLostJobRunner.RunAsync(App);
        Assert.Empty(await FindingsAsync("case-idle", opened.Id.ToString()));

        App.Clock!.Advance(TimeSpan.FromMinutes(16));
        await NothingLostJobRunner.RunAsync(App);
        await NothingLostJobRunner.RunAsync(App);

        var raised = Assert.Single(await FindingsAsync("case-idle", opened.Id.ToString()));
        Assert.Null(raised.ResolvedAt);
        var listed = Assert.Single(await (await supervisor.GetAsync("/api/findings")).ReadAsync<ListFindings.View[]>(), f => f.CaseId == opened.Id);
        Assert.Equal(("case-idle", opened.Number), (listed.Rule, listed.CaseNumber));

        // The owner's note moves the case on: the condition clears; an in-progress case has a day.
        await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/notes", new { text = "Asked for the meter's serial" })).ReadAsync<GetCase.View>();
        await NothingLostJobRunner.RunAsync(App);

        Assert.NotNull(Assert.Single(await FindingsAsync("case-idle", opened.Id.ToString())).ResolvedAt);
        Assert.DoesNotContain(await (await supervisor.GetAsync("/api/findings")).ReadAsync<ListFindings.View[]>(), f => f.CaseId == opened.Id);
        Assert.Contains(await (await supervisor.GetAsync("/api/findings?resolved=true")).ReadAsync<ListFindings.View[]>(), f => f.CaseId == opened.Id);
    }

    [Fact]
    public async Task A_disabled_owner_with_open_cases_is_raised_once_and_resolved_when_the_cases_are_handed_on()
    {
        var (admin, user, view) = await App.CreateFreshUserAsync(Roles.Agent);
        var leaver = await App.CreateClientForAsync(user.Email, user.Password);
        var opened = await OpenAsync(leaver, "Order help");
        await admin.DisableAsync(view.Id);

        await NothingLostJobRunner.RunAsync(App);
        await NothingLostJobRunner.RunAsync(App);
        var raised = Assert.Single(await FindingsAsync("owner-disabled", view.Id));
        Assert.Equal(("1", (DateTimeOffset?)null), (raised.Detail, raised.ResolvedAt));

        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        await (await supervisor.PostAsJsonAsync($"/api/cases/{opened.Id}/handoffs", new { toTeam = "front-line", note = "Owner left" })).ReadAsync<GetCase.View>();
        await NothingLostJobRunner.RunAsync(App);

        Assert.NotNull(Assert.Single(await FindingsAsync("owner-disabled", view.Id)).ResolvedAt);
    }

    [Fact]
    public async Task An_overdue_callback_is_raised_once_and_resolved_when_it_is_made()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var opened = await OpenAsync(agent, "Call back about strips");
        var promised = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/callbacks", new { dueAt = App.Clock!.GetUtcNow().AddMinutes(20) }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var callbackId = Assert.Single(promised.Callbacks).Id;
        await NothingLostJobRunner.RunAsync(App);
        Assert.Empty(await FindingsAsync("callback-overdue", callbackId.ToString()));

        App.Clock.Advance(TimeSpan.FromMinutes(21));
        await NothingLostJobRunner.RunAsync(App);
        await NothingLostJobRunner.RunAsync(App);
        Assert.Equal(opened.Id, Assert.Single(await FindingsAsync("callback-overdue", callbackId.ToString())).CaseId);

        await (await agent.PostAsJsonAsync($"/api/callbacks/{callbackId}/done", new { outcome = "Reached him" })).ReadAsync<GetCase.View>();
        await NothingLostJobRunner.RunAsync(App);

        Assert.NotNull(Assert.Single(await FindingsAsync("callback-overdue", callbackId.ToString())).ResolvedAt);
    }

    [Fact]
    public async Task An_escalation_past_its_acknowledgement_deadline_is_raised_once_and_resolved_when_acknowledged()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var expertId = await (await App.CreateClientForRoleAsync(Roles.Expert)).MyIdAsync();
        var opened = await OpenAsync(agent, "Pump occlusion at night");
        var now = App.Clock!.GetUtcNow();
        // Written as the deadline timer would find it, without the timer: the rule alone is under test.
        var escalation = new Escalation
        {
            CaseId = opened.Id,
            TeamId = "experts",
            RequestedBy = await agent.MyIdAsync(),
            RequestedAt = now.AddMinutes(-12),
            Chain = [expertId],
            AlertedUserId = expertId,
            AlertedAt = now.AddMinutes(-12),
            AcknowledgeBy = now.AddMinutes(-2),
        };
        await App.WithDbAsync(db =>
        {
            db.Escalations.Add(escalation);
            return db.SaveChangesAsync();
        });

        await NothingLostJobRunner.RunAsync(App);
        await NothingLostJobRunner.RunAsync(App);
        var raised = Assert.Single(await FindingsAsync("escalation-unacknowledged", escalation.Id.ToString()));
        Assert.Equal((opened.Id, expertId), (raised.CaseId, raised.UserId));

        await App.WithDbAsync(db => db.Escalations.Where(e => e.Id == escalation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EscalationStatus.Acknowledged).SetProperty(e => e.AcknowledgedAt, now)));
        await NothingLostJobRunner.RunAsync(App);

        Assert.NotNull(Assert.Single(await FindingsAsync("escalation-unacknowledged", escalation.Id.ToString())).ResolvedAt);
    }

    [Fact]
    public async Task A_shift_worker_owning_open_cases_after_the_shift_and_its_grace_is_raised_once_and_resolved_when_the_next_shift_starts()
    {
        var (_, user, view) = await App.CreateFreshUserAsync(Roles.Agent);
        var worker = await App.CreateClientForAsync(user.Email, user.Password);
        var (_, otherUser, otherView) = await App.CreateFreshUserAsync(Roles.Agent);
        var nonShiftWorker = await App.CreateClientForAsync(otherUser.Email, otherUser.Password);
        await OpenAsync(worker, "Strips question");
        await OpenAsync(worker, "Sensor fell off");
        await OpenAsync(nonShiftWorker, "Pump alarm");
        var now = App.Clock!.GetUtcNow();
        await App.WithDbAsync(db =>
        {
            // Ended 20 minutes ago: still within the 30-minute handover grace.
            db.WorkShifts.Add(new CareDesk.Features.Staff.WorkShift { UserId = view.Id, TeamId = "front-line", StartsAt = now.AddHours(-12).AddMinutes(-20), EndsAt = now.AddMinutes(-20) });
            return db.SaveChangesAsync();
        });
        await NothingLostJobRunner.RunAsync(App);
        Assert.Empty(await FindingsAsync("owner-off-shift", view.Id));

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        await NothingLostJobRunner.RunAsync(App);
        await NothingLostJobRunner.RunAsync(App);
        var raised = Assert.Single(await FindingsAsync("owner-off-shift", view.Id));
        Assert.Equal(("2", view.Id, (DateTimeOffset?)null), (raised.Detail, raised.UserId, raised.ResolvedAt));
        // Someone who never works shifts is never "off shift".
        Assert.Empty(await FindingsAsync("owner-off-shift", otherView.Id));

        var next = App.Clock.GetUtcNow();
        await App.WithDbAsync(db =>
        {
            db.WorkShifts.Add(new CareDesk.Features.Staff.WorkShift { UserId = view.Id, TeamId = "front-line", StartsAt = next, EndsAt = next.AddHours(12) });
            return db.SaveChangesAsync();
        });
        await NothingLostJobRunner.RunAsync(App);

        Assert.NotNull(Assert.Single(await FindingsAsync("owner-off-shift", view.Id)).ResolvedAt);
    }

    [Fact]
    public async Task Only_supervisors_and_admins_see_the_findings()
    {
        await (await (await App.CreateClientForRoleAsync(Roles.Agent)).GetAsync("/api/findings")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await App.CreateClientForRoleAsync(Roles.Expert)).GetAsync("/api/findings")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await (await App.CreateClientForRoleAsync(Roles.Admin)).GetAsync("/api/findings")).StatusCode);
    }

    private Task<List<Finding>> FindingsAsync(string rule, string subject) =>
        App.WithDbAsync(db => db.Findings.AsNoTracking().Where(f => f.Rule == rule && f.Subject == subject).ToListAsync());

    private static async Task<GetCase.View> OpenAsync(HttpClient client, string subject)
    {
        var person = await client.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        return await (await client.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject })).ReadAsync<GetCase.View>(HttpStatusCode.Created);
    }
}
