using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>A host whose clock the test drives, for promised callbacks.</summary>
public sealed class CallbackHost : CareDeskFactory
{
    public CallbackHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2031, 6, 2, 8, 0, 0, TimeSpan.Zero));
}

/// <summary>Story 3: a promised callback is never forgotten — on the owner's list, and the supervisors told when it is late.</summary>
public sealed class CallbackTests : HostPerTest<CallbackHost>
{
    [Fact]
    public async Task A_promised_callback_is_on_the_work_lists_and_leaves_them_when_made()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        var opened = await OpenAsync(agent);
        var due = App.Clock!.GetUtcNow().AddHours(4);

        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/callbacks", new { dueAt = App.Clock.GetUtcNow().AddMinutes(-1) })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("dueAt");
        (await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/callbacks", new { dueAt = due, ownerUserId = "nobody" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("ownerUserId");
        var promised = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/callbacks", new { dueAt = due, note = "Check the new strips read right" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);

        var callback = Assert.Single(promised.Callbacks);
        Assert.Equal(("pending", due, await agent.MyIdAsync()), (callback.Status, callback.DueAt, callback.Owner.Id));
        Assert.Contains(promised.Timeline, e => e.Kind == "callback-promised");
        Assert.Contains((await (await agent.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>()).Callbacks, c => c.CallbackId == callback.Id);
        Assert.Contains(await (await supervisor.GetAsync("/api/callbacks?all=true")).ReadAsync<ListCases.CallbackDue[]>(), c => c.CallbackId == callback.Id);
        Assert.DoesNotContain(await (await supervisor.GetAsync("/api/callbacks")).ReadAsync<ListCases.CallbackDue[]>(), c => c.CallbackId == callback.Id);
        Assert.Equal(due, await DueAtAsync(callback.Id));

        (await (await agent.PostAsJsonAsync($"/api/callbacks/{callback.Id}/done", new { outcome = " " })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("outcome");
        var done = await (await agent.PostAsJsonAsync($"/api/callbacks/{callback.Id}/done", new { outcome = "Reached her; readings fine." })).ReadAsync<GetCase.View>();
        Assert.Equal("done", done.Callbacks[0].Status);
        Assert.DoesNotContain((await (await agent.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>()).Callbacks, c => c.CallbackId == callback.Id);
        Assert.Null(await DueAtAsync(callback.Id));
    }

    [Fact]
    public async Task An_overdue_callback_is_marked_once_and_the_supervisors_are_told_by_the_durable_timer()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var supervisorId = await (await App.CreateClientForRoleAsync(Roles.Supervisor)).MyIdAsync();
        var opened = await OpenAsync(agent);
        var promised = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/callbacks", new { dueAt = App.Clock!.GetUtcNow().AddMinutes(20) }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var id = promised.Callbacks[0].Id;

        App.Clock.Advance(TimeSpan.FromMinutes(20));

        // The timer runs on Quartz with the host's clock.
        await Eventually.HoldsAsync(
            () => App.WithDbAsync(db => db.Callbacks.AnyAsync(c => c.Id == id && c.Status == CallbackStatus.Overdue)),
            TimeSpan.FromSeconds(30), "the callback marked overdue");
        Assert.False(await CheckAsync(id)); // a repeated firing changes nothing
        var told = await App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == EscalationAlerts.PagingMessageType
            && m.Payload.Contains(id.ToString()) && m.Payload.Contains(supervisorId) && m.Payload.Contains("callback-overdue")));
        Assert.Equal(1, told);
        agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var now = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Single(now.Timeline, e => e.Kind == "callback-overdue");
        Assert.Contains((await (await agent.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>()).Callbacks, c => c.CallbackId == id && c.Status == "overdue");
    }

    [Fact]
    public async Task A_callback_due_by_the_policy_warns_its_owner_once_at_the_warning_share_then_is_overdue_at_its_due_time()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var agentId = await agent.MyIdAsync();
        var supervisorId = await (await App.CreateClientForRoleAsync(Roles.Supervisor)).MyIdAsync();
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李明"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", priority = "urgent", subject = "Pump alarm" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var start = App.Clock!.GetUtcNow();

        // Urgent on 24/7: the callback target is one hour, its warning share 80 %: the timer fires first at 48 minutes.
        var promised = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/callbacks", new { note = "Call when the pump restarts" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var id = Assert.Single(promised.Callbacks).Id;
        Assert.Equal(start.AddHours(1), promised.Callbacks[0].DueAt);
        Assert.Equal(start.AddMinutes(48), await App.WithDbAsync(db => db.Callbacks.Where(c => c.Id == id).Select(c => c.WarnAt).SingleAsync()));
        Assert.Equal(start.AddMinutes(48), await DueAtAsync(id));

        App.Clock.Advance(TimeSpan.FromMinutes(48));

        // The real Quartz timer on the host's clock tells the owner (page, e-mail outbox, live) and moves itself to the due time.
        await Eventually.HoldsAsync(
            () => App.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Type == EscalationAlerts.PagingMessageType
                && m.Payload.Contains(id.ToString()) && m.Payload.Contains("callback-warning"))),
            TimeSpan.FromSeconds(30), "the owner warned");
        await Eventually.HoldsAsync(async () => await DueAtAsync(id) == start.AddHours(1), TimeSpan.FromSeconds(30), "the timer set to the due time");
        Assert.False(await CheckAsync(id)); // a repeated firing changes nothing
        var warnings = await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.Type == EscalationAlerts.PagingMessageType
            && m.Payload.Contains(id.ToString()) && m.Payload.Contains("callback-warning")).Select(m => m.Payload).ToListAsync());
        Assert.Contains(agentId, Assert.Single(warnings));
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == EscalationEmail.MessageType
            && m.Payload.Contains(opened.Id.ToString()) && m.Payload.Contains("callback-warning"))));
        Assert.Equal("pending", await App.WithDbAsync(db => db.Callbacks.Where(c => c.Id == id).Select(c => c.Status == CallbackStatus.Pending ? "pending" : "other").SingleAsync()));
        agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var warned = await (await agent.GetAsync($"/api/cases/{opened.Id}")).ReadAsync<GetCase.View>();
        Assert.Single(warned.Timeline, e => e.Kind == "callback-warning");

        // Then at the due time, as before: overdue, the supervisors told.
        App.Clock.Advance(TimeSpan.FromMinutes(12));
        await Eventually.HoldsAsync(
            () => App.WithDbAsync(db => db.Callbacks.AnyAsync(c => c.Id == id && c.Status == CallbackStatus.Overdue)),
            TimeSpan.FromSeconds(30), "the callback marked overdue");
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == EscalationAlerts.PagingMessageType
            && m.Payload.Contains(id.ToString()) && m.Payload.Contains(supervisorId) && m.Payload.Contains("callback-overdue"))));
    }

    private static async Task<GetCase.View> OpenAsync(HttpClient agent)
    {
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        return await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "question", subject = "Strips" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
    }

    private async Task<DateTimeOffset?> DueAtAsync(Guid callbackId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Scheduling.DurableTimers>()
            .DueAtAsync<CallbackOverdueJob>(callbackId.ToString(), CancellationToken.None);
    }

    private async Task<bool> CheckAsync(Guid callbackId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        return await scope.ServiceProvider.GetRequiredService<CallbackDeadlines>().CheckAsync(callbackId, CancellationToken.None);
    }
}
