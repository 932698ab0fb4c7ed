using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.ServiceLevels;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.ServiceLevels;

/// <summary>A host whose clock the test drives: service-level clocks run when the test says so.</summary>
public sealed class ServiceLevelHost : CareDeskFactory
{
    public ServiceLevelHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2031, 6, 2, 8, 0, 0, TimeSpan.Zero));
}

/// <summary>F12 wired to cases: due times stored by policy and calendar, paused while waiting, warned and breached by durable timers.</summary>
public sealed class ServiceLevelTests : HostPerTest<ServiceLevelHost>
{
    private FakeTimeProvider Clock => App.Clock!;

    [Fact]
    public async Task Due_times_are_stored_by_the_policy_for_the_type_and_priority_in_its_calendar()
    {
        // Monday 16:00 in Shanghai: two office hours left today (seeded cn-office: 09–12, 13–18 on weekdays).
        var monday = new DateTimeOffset(2031, 6, 9, 8, 0, 0, TimeSpan.Zero);
        Clock.SetUtcNow(monday);
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);

        var question = await OpenAsync(agent, "question", "normal");
        var levels = question.ServiceLevels!;
        Assert.Equal("cn-office", levels.CalendarId);
        // First response 4 business hours: 2 h on Monday, 2 h on Tuesday morning → Tuesday 11:00 in Shanghai.
        Assert.Equal(new DateTimeOffset(2031, 6, 10, 3, 0, 0, TimeSpan.Zero), levels.FirstResponse!.DueAt);
        Assert.Equal(new DateTimeOffset(2031, 6, 10, 2, 12, 0, TimeSpan.Zero), levels.FirstResponse.WarnAt);
        // Resolution 24 business hours (three office days): Thursday 16:00 in Shanghai.
        Assert.Equal(new DateTimeOffset(2031, 6, 12, 8, 0, 0, TimeSpan.Zero), levels.Resolution!.DueAt);
        Assert.Equal(("on-track", levels.FirstResponse.DueAt), (levels.State, levels.NextDueAt));

        var urgent = await OpenAsync(agent, "technical-support", "urgent");
        Assert.Equal("24x7", urgent.ServiceLevels!.CalendarId);
        Assert.Equal(monday.AddMinutes(30), urgent.ServiceLevels.FirstResponse!.DueAt);
        Assert.Equal(monday.AddMinutes(24), urgent.ServiceLevels.FirstResponse.WarnAt);
        Assert.Equal(monday.AddHours(24), urgent.ServiceLevels.Resolution!.DueAt);

        var complaint = await OpenAsync(agent, "complaint", "normal");
        Assert.Equal(("24x7", monday.AddHours(2)), (complaint.ServiceLevels!.CalendarId, complaint.ServiceLevels.FirstResponse!.DueAt));

        // My work lists the stored state and next due time, most urgent first.
        var mine = (await (await agent.GetAsync("/api/work")).ReadAsync<ListCases.MyWork>()).Mine;
        var order = mine.Where(c => c.Id == question.Id || c.Id == urgent.Id || c.Id == complaint.Id).Select(c => c.Id).ToList();
        Assert.Equal([urgent.Id, complaint.Id, question.Id], order);
        Assert.Contains(mine, c => c.Id == urgent.Id && c.ServiceLevel == "on-track" && c.NextDueAt == monday.AddMinutes(30));

        // The answer recorded is the first response: that clock stops, its timer is gone, the resolution clock runs on.
        var answered = await (await agent.PostAsJsonAsync($"/api/cases/{urgent.Id}/notes", new { text = "Restart the pump with the battery out.", isAnswer = true }))
            .ReadAsync<GetCase.View>();
        Assert.Equal(("met", monday), (answered.ServiceLevels!.FirstResponse!.State, answered.ServiceLevels.FirstResponse.MetAt));
        Assert.Equal(monday.AddHours(24), answered.ServiceLevels.NextDueAt);
        Assert.Null(await TimerAsync(urgent.Id, "first-response"));
        Assert.Equal(monday.AddHours(24 * 0.8), await TimerAsync(urgent.Id, "resolution"));

        // A callback promised without a time is due by the policy's callback target (urgent: 1 h, 24/7).
        var promised = await (await agent.PostAsJsonAsync($"/api/cases/{urgent.Id}/callbacks", new { note = "Call when the pump restarts" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        Assert.Equal(monday.AddHours(1), Assert.Single(promised.Callbacks).DueAt);
    }

    [Fact]
    public async Task Waiting_on_the_customer_pauses_the_clocks_and_resuming_or_reopening_moves_the_due_times()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var opened = await OpenAsync(agent, "repair", "urgent");
        var openedAt = opened.OpenedAt;
        var resolutionDue = openedAt.AddHours(24);
        Assert.Equal(resolutionDue, opened.ServiceLevels!.Resolution!.DueAt);

        Clock.Advance(TimeSpan.FromMinutes(10));
        var waiting = await StatusAsync(agent, opened.Id, "waiting-on-customer");
        Assert.Equal(("paused", null), (waiting.ServiceLevels!.State, waiting.ServiceLevels.NextDueAt));
        Assert.Equal(Clock.GetUtcNow(), waiting.ServiceLevels.PausedSince);
        Assert.Equal("met", waiting.ServiceLevels.FirstResponse!.State); // asking the customer for something is a response
        Assert.Null(await TimerAsync(opened.Id, "resolution"));
        var listed = await (await agent.GetAsync("/api/cases?owner=me")).ReadAsync<CaseSummary[]>();
        Assert.Contains(listed, c => c.Id == opened.Id && c.ServiceLevel == "paused" && c.NextDueAt == null);

        // Two hours with the customer: the resolution is due two hours later.
        Clock.Advance(TimeSpan.FromHours(2));
        agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var resumed = await StatusAsync(agent, opened.Id, "in-progress");
        Assert.Equal(resolutionDue.AddHours(2), resumed.ServiceLevels!.Resolution!.DueAt);
        Assert.Equal(("on-track", resolutionDue.AddHours(2)), (resumed.ServiceLevels.State, resumed.ServiceLevels.NextDueAt));
        Assert.Equal(openedAt.AddHours(2).AddHours(24 * 0.8), await TimerAsync(opened.Id, "resolution"));

        // Resolved after one more hour, reopened three hours later: the resolution clock resumes, three hours later.
        Clock.Advance(TimeSpan.FromHours(1));
        agent = await App.CreateClientForRoleAsync(Roles.Agent); // bearer tokens last an hour of the host's clock
        var resolved = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "resolved", resolution = "New motor." })).ReadAsync<GetCase.View>();
        Assert.Equal(("met", "met"), (resolved.ServiceLevels!.State, resolved.ServiceLevels.Resolution!.State));
        Assert.Null(await TimerAsync(opened.Id, "resolution"));
        Clock.Advance(TimeSpan.FromHours(3));
        agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var reopened = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/status", new { status = "in-progress", note = "Motor noisy again." })).ReadAsync<GetCase.View>();
        Assert.Equal(resolutionDue.AddHours(5), reopened.ServiceLevels!.Resolution!.DueAt);
        Assert.Equal("on-track", reopened.ServiceLevels.State);
        Assert.NotNull(await TimerAsync(opened.Id, "resolution"));
    }

    [Fact]
    public async Task A_warning_and_a_breach_are_recorded_once_each_by_the_durable_timer_and_people_are_told()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var agentId = await agent.MyIdAsync();
        var supervisorId = await (await App.CreateClientForRoleAsync(Roles.Supervisor)).MyIdAsync();
        var opened = await OpenAsync(agent, "question", "urgent");
        var id = opened.Id;
        var warnAt = opened.ServiceLevels!.FirstResponse!.WarnAt;
        // Opening a case hands its timers to the scheduler just after the request, in the sweeper's batch.
        await Eventually.HoldsAsync(
            async () => await TimerAsync(id, "first-response") == warnAt,
            TimeSpan.FromSeconds(30), "the first-response timer set at the warning time");

        // 24 of 30 minutes: the warning, through Quartz on the host's clock.
        Clock.Advance(TimeSpan.FromMinutes(24));
        await Eventually.HoldsAsync(
            () => App.WithDbAsync(db => db.Cases.AnyAsync(c => c.Id == id && c.FirstResponseWarnedAt != null)),
            TimeSpan.FromSeconds(30), "the first-response warning recorded");
        // The timer moves to the due time in the warning's transaction and reaches the scheduler just after its commit.
        await Eventually.HoldsAsync(
            async () => await TimerAsync(id, "first-response") == opened.ServiceLevels.FirstResponse.DueAt,
            TimeSpan.FromSeconds(30), "the first-response timer moved to the due time");
        Assert.False(await CheckAsync(id, ServiceLevelKind.FirstResponse)); // a repeated firing changes nothing

        Clock.Advance(TimeSpan.FromMinutes(6));
        await Eventually.HoldsAsync(
            () => App.WithDbAsync(db => db.Cases.AnyAsync(c => c.Id == id && c.FirstResponseBreachedAt != null)),
            TimeSpan.FromSeconds(30), "the first-response breach recorded");
        Assert.False(await CheckAsync(id, ServiceLevelKind.FirstResponse));
        await Eventually.HoldsAsync(
            async () => await TimerAsync(id, "first-response") is null,
            TimeSpan.FromSeconds(30), "the first-response timer cleared");

        agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var now = await (await agent.GetAsync($"/api/cases/{id}")).ReadAsync<GetCase.View>();
        Assert.Single(now.Timeline, e => e.Kind == "service-level-warning" && e.Text == "first-response");
        Assert.Single(now.Timeline, e => e.Kind == "service-level-breached" && e.Text == "first-response");
        Assert.Equal(("breached", "breached"), (now.ServiceLevels!.State, now.ServiceLevels.FirstResponse!.State));
        Assert.Contains(await (await agent.GetAsync("/api/cases?owner=me")).ReadAsync<CaseSummary[]>(), c => c.Id == id && c.ServiceLevel == "breached");

        // The owner was told of the warning and the breach; the supervisors of the breach only, once.
        var pages = await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.Type == EscalationAlerts.PagingMessageType && m.Payload.Contains(id.ToString()))
            .Select(m => m.Payload).ToListAsync());
        Assert.Single(pages, p => p.Contains("service-level-warning") && p.Contains(agentId));
        Assert.Single(pages, p => p.Contains("service-level-breach") && p.Contains(agentId));
        Assert.Single(pages, p => p.Contains("service-level-breach") && p.Contains(supervisorId));
        Assert.DoesNotContain(pages, p => p.Contains("service-level-warning") && p.Contains(supervisorId));

        // Answered late: the clock is met (late), and no timer fires again.
        var answered = await (await agent.PostAsJsonAsync($"/api/cases/{id}/notes", new { text = "Sorry for the wait.", isAnswer = true })).ReadAsync<GetCase.View>();
        Assert.Equal("breached", answered.ServiceLevels!.FirstResponse!.State);
        Assert.Equal(answered.ServiceLevels.Resolution!.WarnAt, await TimerAsync(id, "resolution"));
    }

    [Fact]
    public async Task Supervisors_edit_policies_and_calendars_with_the_version_and_bad_values_are_named()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var supervisor = await App.CreateClientForRoleAsync(Roles.Supervisor);
        var overview = await (await agent.GetAsync("/api/service-levels")).ReadAsync<ServiceLevelSettings.Overview>();
        Assert.Contains(overview.Calendars, c => c.Id == "cn-office" && c.TimeZone == "Asia/Shanghai" && c.ClosedDays.Count > 0);
        var fallback = Assert.Single(overview.Policies, p => p.CaseType is null && p.Priority is null);
        var office = overview.Calendars.Single(c => c.Id == "cn-office");

        var change = new { calendarId = "24x7", warnShare = 0.5, firstResponseMinutes = 60, resolutionMinutes = 600, version = fallback.Version };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync($"/api/service-levels/policies/{fallback.Id}", change)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/service-levels/policies", new { calendarId = "24x7", warnShare = 0.8, caseType = "feedback" })).StatusCode);
        (await (await supervisor.PutAsJsonAsync($"/api/service-levels/policies/{fallback.Id}", change with { warnShare = 1.5 })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("warnShare");
        (await (await supervisor.PutAsJsonAsync($"/api/service-levels/policies/{fallback.Id}", change with { firstResponseMinutes = 0 })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("firstResponseMinutes");
        (await (await supervisor.PutAsJsonAsync($"/api/service-levels/policies/{fallback.Id}", change with { calendarId = "nowhere" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("calendarId");
        await (await supervisor.PutAsJsonAsync($"/api/service-levels/policies/{fallback.Id}", change with { version = Guid.NewGuid().ToString() })).ProblemAsync(HttpStatusCode.Conflict);
        (await (await supervisor.PostAsJsonAsync("/api/service-levels/policies", new { calendarId = "24x7", warnShare = 0.8, priority = "urgent" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("priority");
        (await (await supervisor.PostAsJsonAsync("/api/service-levels/policies", new { calendarId = "24x7", warnShare = 0.8, caseType = "gossip" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("caseType");

        // A new policy applies to the cases opened afterwards.
        var feedback = await (await supervisor.PostAsJsonAsync("/api/service-levels/policies", new { calendarId = "24x7", warnShare = 0.5, caseType = "feedback", firstResponseMinutes = 10 }))
            .ReadAsync<ServiceLevelSettings.PolicyView>(HttpStatusCode.Created);
        var opened = await OpenAsync(agent, "feedback", "low");
        Assert.Equal(Clock.GetUtcNow().AddMinutes(10), opened.ServiceLevels!.FirstResponse!.DueAt);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(5), opened.ServiceLevels.FirstResponse.WarnAt);
        Assert.Null(opened.ServiceLevels.Resolution);
        var edited = await (await supervisor.PutAsJsonAsync($"/api/service-levels/policies/{feedback.Id}", new { calendarId = "24x7", warnShare = 0.5, caseType = "feedback", firstResponseMinutes = 20, version = feedback.Version }))
            .ReadAsync<ServiceLevelSettings.PolicyView>();
        Assert.Equal(20, edited.FirstResponseMinutes);
        await (await supervisor.PutAsJsonAsync($"/api/service-levels/policies/{feedback.Id}", new { calendarId = "24x7", warnShare = 0.5, caseType = "feedback", firstResponseMinutes = 30, version = feedback.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);

        // Calendars: the time zone, the hours and the days are checked, naming the field.
        var calendar = new
        {
            name = "Berlin office",
            timeZone = "Europe/Berlin",
            officeHours = new[] { new { day = "monday", opens = "08:00", closes = "17:00" } },
            holidayCountry = "DE",
            id = "de-office",
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/service-levels/calendars", calendar)).StatusCode);
        (await (await supervisor.PostAsJsonAsync("/api/service-levels/calendars", calendar with { timeZone = "Mars/Olympus" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("timeZone");
        (await (await supervisor.PostAsJsonAsync("/api/service-levels/calendars", calendar with { officeHours = new[] { new { day = "monday", opens = "25:00", closes = "17:00" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("officeHours[0].opens");
        (await (await supervisor.PostAsJsonAsync("/api/service-levels/calendars", calendar with { officeHours = new[] { new { day = "monday", opens = "17:00", closes = "08:00" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("officeHours[0].closes");
        (await (await supervisor.PostAsJsonAsync("/api/service-levels/calendars", calendar with { officeHours = new[] { new { day = "someday", opens = "08:00", closes = "17:00" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("officeHours[0].day");
        (await (await supervisor.PostAsJsonAsync("/api/service-levels/calendars", calendar with { holidayCountry = "CN" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("holidayCountry");
        (await (await supervisor.PostAsJsonAsync("/api/service-levels/calendars", calendar with { id = "cn-office" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("id");
        var created = await (await supervisor.PostAsJsonAsync("/api/service-levels/calendars", calendar)).ReadAsync<ServiceLevelSettings.CalendarView>(HttpStatusCode.Created);
        Assert.Equal(("de-office", "DE", "monday"), (created.Id, created.HolidayCountry, created.OfficeHours[0].Day));

        var closedDays = office.ClosedDays.Append(new DateOnly(2031, 10, 4)).ToArray();
        var officeChange = new
        {
            name = office.Name,
            timeZone = office.TimeZone,
            officeHours = office.OfficeHours,
            closedDays,
            version = office.Version,
        };
        var saved = await (await supervisor.PutAsJsonAsync("/api/service-levels/calendars/cn-office", officeChange)).ReadAsync<ServiceLevelSettings.CalendarView>();
        Assert.Contains(new DateOnly(2031, 10, 4), saved.ClosedDays);
        await (await supervisor.PutAsJsonAsync("/api/service-levels/calendars/cn-office", officeChange)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Open_cases_of_an_owner_by_next_due_time_are_read_from_the_partial_index()
    {
        var plan = await App.WithDbAsync(async db =>
        {
            // The query of My work and team queues (ListCases): open cases of one owner, soonest due first.
            var sql = db.Cases.AsNoTracking()
                .Where(c => c.OwnerUserId == "someone")
                .Where(c => c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)
                .Where(c => c.NextDueAt != null).OrderBy(c => c.NextDueAt).Take(50)
                .ToQueryString();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var postgres = App.Database.Provider == CareDesk.Platform.Data.DatabaseProvider.PostgreSql;
            if (postgres)
            {
                await using var off = connection.CreateCommand();
                off.CommandText = "SET enable_seqscan = off"; // a small table: make the planner show whether it can use the index at all
                await off.ExecuteNonQueryAsync();
            }

            await using var explain = connection.CreateCommand();
            explain.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + Inline(sql);
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetValue(postgres ? 0 : 3).ToString() ?? "");
            }

            return string.Join("\n", lines);
        });

        Assert.Contains("IX_cases_open_owner_user_next_due", plan, StringComparison.Ordinal);
    }

    /// <summary>ToQueryString's parameters (SQLite <c>.param set @p v</c>, PostgreSQL <c>-- @p='v'</c>) put into the statement.</summary>
    private static string Inline(string sql)
    {
        var values = new Dictionary<string, string>();
        var body = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            if (System.Text.RegularExpressions.Regex.Match(line, @"^(?:\.param set |-- )(@\w+)[ =](.*)$") is { Success: true } parameter)
            {
                values[parameter.Groups[1].Value] = parameter.Groups[2].Value.Trim();
            }
            else
            {
                body.Add(line);
            }
        }

        return System.Text.RegularExpressions.Regex.Replace(string.Join("\n", body), @"@\w+", m => values.GetValueOrDefault(m.Value, m.Value));
    }

    private async Task<GetCase.View> OpenAsync(HttpClient agent, string type, string priority)
    {
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        return await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type, priority, subject = $"{type} {priority}" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
    }

    private static async Task<GetCase.View> StatusAsync(HttpClient agent, Guid id, string status) =>
        await (await agent.PostAsJsonAsync($"/api/cases/{id}/status", new { status })).ReadAsync<GetCase.View>();

    private async Task<DateTimeOffset?> TimerAsync(Guid caseId, string clock)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DurableTimers>().DueAtAsync<ServiceLevelTimerJob>($"{caseId}:{clock}", CancellationToken.None);
    }

    private async Task<bool> CheckAsync(Guid caseId, ServiceLevelKind kind)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        return await scope.ServiceProvider.GetRequiredService<ServiceLevelDeadlines>().CheckAsync(caseId, kind, CancellationToken.None);
    }
}
