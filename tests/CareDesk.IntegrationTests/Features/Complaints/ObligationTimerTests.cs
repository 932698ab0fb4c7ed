using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.NothingLost;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Complaints;

/// <summary>A host whose clock the test drives: Tue 1 Dec 2026, 10:00 in Shanghai; warnings two days ahead.</summary>
public sealed class ObligationTimerHost : CareDeskFactory
{
    public ObligationTimerHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Obligations:WarningAhead"] = "2.00:00:00" };
}

/// <summary>F17: durable timers tell quality (live, page, e-mail) when a report's warning, last day and overdue come; nothing lost until submitted.</summary>
public sealed class ObligationTimerTests : HostPerTest<ObligationTimerHost>
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private Task<int> PagesAsync(Guid obligationId, string kind) =>
        App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == EscalationAlerts.PagingMessageType && m.Payload.Contains(obligationId.ToString()) && m.Payload.Contains($"\"{kind}\"")));

    private Task<int> MailsAsync(Guid obligationId, string kind) =>
        App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Type == ObligationEmail.MessageType && m.Payload.Contains(obligationId.ToString()) && m.Payload.Contains($"\"{kind}\"")));

    private async Task<DateTimeOffset?> TimerAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DurableTimers>().DueAtAsync<ObligationTimerJob>(id.ToString(), CancellationToken.None);
    }

    [Fact]
    public async Task A_chinese_death_report_warns_quality_a_day_ahead_then_on_its_last_day_then_overdue_and_stays_until_submitted()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var quality = await App.CreateClientForRoleAsync(Roles.Quality);
        var qualityId = await quality.MyIdAsync();
        var received = new List<ObligationAlert>();
        using var live = App.Services.GetRequiredService<ObligationAlertHub>().Subscribe(qualityId, alert =>
        {
            lock (received)
            {
                received.Add(alert);
            }

            return Task.CompletedTask;
        });
        var complaint = await ComplaintReportingTests.ComplaintAsync(App, agent, App.Clock!.GetUtcNow());
        var view = await ComplaintReportingTests.RecordAsync(agent, complaint, "CN", new { deviceInvolved = "yes", malfunction = "yes", death = "yes" });
        var cn = view.Obligations.Single(o => o.Market == "CN");

        // 1 Dec + 7 = Tue 8 Dec: overdue at midnight 8/9 Dec in Shanghai, due from midnight 7/8 Dec, warned two days
        // before the end (Obligations:WarningAhead), from midnight 6/7 Dec.
        Assert.Equal(("2026-12-08", new DateTimeOffset(2026, 12, 9, 0, 0, 0, Shanghai)), (cn.Due, cn.DueAt));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 0, 0, Shanghai), await TimerAsync(cn.Id));

        // The warning.
        App.Clock.Advance(new DateTimeOffset(2026, 12, 7, 0, 0, 1, Shanghai) - App.Clock.GetUtcNow());
        await Eventually.HoldsAsync(async () => await PagesAsync(cn.Id, "obligation-warning") == 1, TimeSpan.FromSeconds(30), "quality warned");
        await Eventually.HoldsAsync(async () => await TimerAsync(cn.Id) == new DateTimeOffset(2026, 12, 8, 0, 0, 0, Shanghai), TimeSpan.FromSeconds(30), "the timer moved to the last day");

        // The last day begins: quality is told it is due today.
        App.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.HoldsAsync(async () => await PagesAsync(cn.Id, "obligation-due") == 1, TimeSpan.FromSeconds(30), "quality paged on the last day");
        Assert.Equal(1, await MailsAsync(cn.Id, "obligation-due"));
        await Eventually.HoldsAsync(async () => await TimerAsync(cn.Id) == cn.DueAt, TimeSpan.FromSeconds(30), "the timer moved to the end of the last day");
        Assert.Equal(1, await PagesAsync(cn.Id, "obligation-warning"));

        // A repeated firing sends nothing twice.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<ObligationDeadlines>().CheckAsync(cn.Id, CancellationToken.None));
        }

        Assert.Equal(1, await PagesAsync(cn.Id, "obligation-due"));

        // Midnight passes unsubmitted: overdue, live and by page and mail; on the list and a nothing-lost finding.
        App.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.HoldsAsync(async () => await PagesAsync(cn.Id, "obligation-overdue") == 1, TimeSpan.FromSeconds(30), "quality paged when overdue");
        Assert.Equal(1, await MailsAsync(cn.Id, "obligation-overdue"));
        await Eventually.HoldsAsync(() => Task.FromResult(received.Any(a => a.ObligationId == cn.Id && a.Kind == "obligation-overdue")), TimeSpan.FromSeconds(30), "the live alert");
        quality = await App.CreateClientForRoleAsync(Roles.Quality);
        var overdue = await (await quality.GetAsync("/api/obligations?status=overdue&limit=500")).ReadAsync<ListObligations.View>();
        Assert.Contains(overdue.Items, i => i.Id == cn.Id && i.Overdue && i.SecondsLeft < 0);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var found = await scope.ServiceProvider.GetServices<IFindingRule>().Single(r => r.Name == "obligation-overdue").DetectAsync(App.Clock.GetUtcNow(), 1000, CancellationToken.None);
            Assert.Contains(found, f => f.Subject == cn.Id.ToString());
        }

        // Days later it is still there: only a submission takes it off.
        App.Clock.Advance(TimeSpan.FromDays(5));
        quality = await App.CreateClientForRoleAsync(Roles.Quality);
        Assert.Contains((await (await quality.GetAsync("/api/obligations?limit=500")).ReadAsync<ListObligations.View>()).Items, i => i.Id == cn.Id);
        var current = await App.WithDbAsync(db => db.Set<RegulatoryObligation>().Where(o => o.Id == cn.Id).Select(o => o.Version).SingleAsync());
        (await quality.PostAsJsonAsync($"/api/obligations/{cn.Id}/submit", new { reference = "国械不良-2026-000123", version = current.ToString() })).EnsureSuccessStatusCode();
        Assert.DoesNotContain((await (await quality.GetAsync("/api/obligations?limit=500")).ReadAsync<ListObligations.View>()).Items, i => i.Id == cn.Id);
        await Eventually.HoldsAsync(async () => await TimerAsync(cn.Id) is null, TimeSpan.FromSeconds(30), "no timer left");
    }

    [Fact]
    public async Task A_30_day_report_warns_quality_ahead_by_the_configured_time()
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);
        var complaint = await ComplaintReportingTests.ComplaintAsync(App, agent, App.Clock!.GetUtcNow());
        var view = await ComplaintReportingTests.RecordAsync(agent, complaint, "CN", new { deviceInvolved = "yes", malfunction = "yes", death = "yes" });
        var us = view.Obligations.Single(o => o.Kind == "us-mdr-30-day");

        // 1 Dec + 30 = 31 Dec: ends at midnight 31 Dec/1 Jan in Shanghai; warned two days before (Obligations:WarningAhead), from midnight 29/30 Dec.
        Assert.Equal("2026-12-31", us.Due);
        var warnAt = new DateTimeOffset(2026, 12, 30, 0, 0, 0, Shanghai);
        App.Clock.Advance(warnAt - App.Clock.GetUtcNow() - TimeSpan.FromSeconds(30));
        // The CN report (8 Dec) fires meanwhile; the US one only warns once its warning instant passes.
        await Eventually.HoldsAsync(async () => await TimerAsync(us.Id) is { } due && due >= warnAt, TimeSpan.FromSeconds(30), "the US timer waits for its warning");
        Assert.Equal(0, await PagesAsync(us.Id, "obligation-warning"));

        // Past it by less than Quartz's misfire threshold (a minute), as a running scheduler sees a due timer.
        App.Clock.Advance(TimeSpan.FromSeconds(31));
        await Eventually.HoldsAsync(async () => await PagesAsync(us.Id, "obligation-warning") >= 1, TimeSpan.FromSeconds(30), "quality warned ahead");
    }
}
