using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.NothingLost;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.NothingLost;

/// <summary>Shifts change at 08:00 and 20:00 UTC; the clock starts at 09:00 on a working day.</summary>
public sealed class HandoverHost : CareDeskFactory
{
    public HandoverHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2031, 6, 2, 9, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Shifts:TimeZone"] = "UTC",
        ["Shifts:DayStartsAt"] = "08:00",
        ["Shifts:NightStartsAt"] = "20:00",
    };
}

/// <summary>F14: at each shift boundary one handover report, produced by the recurring job; the next shift acknowledges it.</summary>
public sealed class HandoverTests : HostPerTest<HandoverHost>
{
    private static readonly DateTimeOffset Morning = new(2031, 6, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Evening = new(2031, 6, 2, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task One_report_per_boundary_lists_what_the_next_shift_inherits_and_is_acknowledged_once()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);

        await NothingLostJobRunner.RunAsync(App);
        await NothingLostJobRunner.RunAsync(App);
        var morning = Assert.Single(await ReportsAsync());
        Assert.Equal((Morning, Morning.AddHours(-12), Evening), (morning.ShiftEndedAt, morning.ShiftStartedAt, morning.NextShiftEndsAt));

        // During the day shift: a case, and a callback promised for the evening.
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李小宝"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", subject = "Sensor error" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var promised = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/callbacks", new { dueAt = Evening.AddHours(1) })).ReadAsync<GetCase.View>(HttpStatusCode.Created);

        App.Clock!.Advance(Evening.AddSeconds(30) - App.Clock.GetUtcNow());
        await NothingLostJobRunner.RunAsync(App);
        await NothingLostJobRunner.RunAsync(App);

        var reports = await ReportsAsync();
        Assert.Equal([Morning, Evening], reports.Select(r => r.ShiftEndedAt).Order());
        Assert.Null(await ProduceAsync());

        // Sign in again: the tokens expired with the day.
        agent = await App.CreateClientForRoleAsync(Roles.Agent);
        supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);

        var listed = await (await supervisor.GetAsync("/api/handovers")).ReadAsync<Handovers.Summary[]>();
        Assert.Equal(2, listed.Count(r => r.AcknowledgedAt is null));
        var evening = await (await supervisor.GetAsync($"/api/handovers/{listed[0].Id}")).ReadAsync<Handovers.View>();
        Assert.Equal((Evening, Morning.AddDays(1)), (evening.ShiftEndedAt, evening.NextShiftEndsAt));
        var agentLoad = Assert.Single(evening.OpenCases, o => o.Owner.Id == opened.Owner.Id);
        Assert.Contains(agentLoad.Oldest, c => c.CaseId == opened.Id && c.Number == opened.Number);
        Assert.Contains(evening.CallbacksDue, c => c.CallbackId == promised.Callbacks[0].Id && c.Owner.Id == opened.Owner.Id);
        // The case sat new all day: the scan before the report found it.
        Assert.Contains(evening.Findings, f => f.Rule == "case-idle" && f.CaseId == opened.Id);

        // The outgoing supervisor writes open questions; the incoming one acknowledges, once, at the version read.
        await (await agent.GetAsync("/api/handovers")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await supervisor.PutAsJsonAsync($"/api/handovers/{evening.Id}/questions", new { openQuestions = "x", version = Guid.NewGuid().ToString() })).ProblemAsync(HttpStatusCode.Conflict);
        (await (await supervisor.PutAsJsonAsync($"/api/handovers/{evening.Id}/questions", new { openQuestions = "x" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("version");
        var questioned = await (await supervisor.PutAsJsonAsync($"/api/handovers/{evening.Id}/questions", new { openQuestions = "Is the sensor batch recalled?", version = evening.Version }))
            .ReadAsync<Handovers.View>();
        Assert.Equal("Is the sensor batch recalled?", questioned.OpenQuestions);

        var stale = await (await supervisor.PostAsJsonAsync($"/api/handovers/{evening.Id}/acknowledge", new { version = evening.Version })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(questioned.Version, stale.Body.GetProperty("version").GetString());
        var acknowledged = await (await supervisor.PostAsJsonAsync($"/api/handovers/{evening.Id}/acknowledge", new { version = questioned.Version })).ReadAsync<Handovers.View>();
        Assert.Equal((await supervisor.MyIdAsync(), App.Clock.GetUtcNow()), (acknowledged.AcknowledgedBy!.Id, acknowledged.AcknowledgedAt));
        await (await supervisor.PostAsJsonAsync($"/api/handovers/{evening.Id}/acknowledge", new { version = acknowledged.Version })).ProblemAsync(HttpStatusCode.Conflict);
        await (await supervisor.PutAsJsonAsync($"/api/handovers/{evening.Id}/questions", new { openQuestions = "later", version = acknowledged.Version })).ProblemAsync(HttpStatusCode.Conflict);

        var unacknowledged = await (await supervisor.GetAsync("/api/handovers?unacknowledged=true")).ReadAsync<Handovers.Summary[]>();
        Assert.Equal(morning.Id, Assert.Single(unacknowledged).Id);
    }

    private Task<List<HandoverReport>> ReportsAsync() =>
        App.WithDbAsync(db => db.HandoverReports.AsNoTracking().ToListAsync());

    private async Task<HandoverReport?> ProduceAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        return await scope.ServiceProvider.GetRequiredService<ProduceHandover>().RunAsync(CancellationToken.None);
    }
}
