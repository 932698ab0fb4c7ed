using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.ServiceLevels;
using CareDesk.Features.Staff;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>
/// One app node for the escalation-timer tests: the clock is the test's (shared by every node of a test, so a
/// deadline passes on all of them at once), the database is the test's, and the scheduler looks for due timers often.
/// </summary>
public sealed class EscalationNode : CareDeskFactory
{
    /// <summary>
    /// The node's scheduler store cannot be reached: what a node that dies right after committing a change, before it
    /// sets the change's timer, leaves behind (the change is in the database, the timer is not in the scheduler).
    /// </summary>
    public bool SchedulerUnreachable { get; init; }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Escalation:AcknowledgeWithin"] = "00:10:00",
        ["Escalation:ContactWithin"] = "00:30:00",
        ["Scheduling:IdleWaitTime"] = "00:00:01",
        ["Scheduling:ClusterCheckinInterval"] = "00:00:01",
        ["Scheduling:Enabled"] = SchedulerUnreachable ? "false" : "true",
    };

    /// <summary>Every run of an escalation deadline job on this node is recorded here.</summary>
    public DeadlineJobRuns? Runs { get; init; }

    /// <summary>Starts a node and records every run of an escalation deadline job on it into <paramref name="runs"/>.</summary>
    public static async Task<EscalationNode> StartAsync(TestDatabase database, FakeTimeProvider clock, DeadlineJobRuns runs, bool schedulerUnreachable = false)
    {
        var node = new EscalationNode { ExistingDatabase = database, Clock = clock, Runs = runs, SchedulerUnreachable = schedulerUnreachable, OwnedByOneTest = true };
        await node.InitializeAsync();
        return node;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (SchedulerUnreachable)
            {
                services.RemoveAll<ISchedulerFactory>();
                services.AddSingleton<ISchedulerFactory, UnreachableSchedulerFactory>();
            }
            else if (Runs is { } runs)
            {
                // The listener goes on when the scheduler is first asked for, inside the host's start: a deadline the
                // start-up sweep hands over fires at once, before a listener added after the start would hear it.
                var scheduling = services.Last(d => d.ServiceType == typeof(ISchedulerFactory) && !d.IsKeyedService);
                services.Remove(scheduling);
                services.AddSingleton<ISchedulerFactory>(provider => new ListenedSchedulerFactory((ISchedulerFactory)scheduling.ImplementationFactory!(provider), runs));
            }
        });
    }

    private sealed class ListenedSchedulerFactory(ISchedulerFactory inner, DeadlineJobRuns runs) : ISchedulerFactory
    {
        private readonly SemaphoreSlim first = new(1, 1);
        private bool listening;

        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => inner.GetAllSchedulers(cancellationToken);

        public async ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default)
        {
            var scheduler = await inner.GetScheduler(cancellationToken);
            await first.WaitAsync(cancellationToken);
            try
            {
                if (!listening)
                {
                    var node = await scheduler.GetSchedulerInstanceId(cancellationToken);
                    scheduler.ListenerManager.AddJobListener(new DeadlineJobListener(runs, node), [GroupMatcher<JobKey>.GroupEquals(typeof(EscalationDeadlineJob).FullName!)]);
                    listening = true;
                }
            }
            finally
            {
                first.Release();
            }

            return scheduler;
        }

        public ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => inner.LookupScheduler(schedName, cancellationToken);
    }

    private sealed class UnreachableSchedulerFactory : ISchedulerFactory
    {
        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => throw Down();

        public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) => throw Down();

        public ValueTask<IScheduler?> GetScheduler(string schedName, CancellationToken cancellationToken = default) => throw Down();

        public ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => throw Down();

        private static SchedulerException Down() => new("the scheduler's store went away with the node");
    }

    private sealed class DeadlineJobListener(DeadlineJobRuns runs, string node) : IJobListener
    {
        public string Name => $"test-deadline-runs-{node}";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            runs.Add(context.JobDetail.Key.Name, node);
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}

/// <summary>Runs of the escalation deadline job, by escalation id, with the node that ran each.</summary>
public sealed class DeadlineJobRuns
{
    private readonly ConcurrentQueue<(string Key, string Node)> runs = new();

    public void Add(string key, string node) => runs.Enqueue((key, node));

    public IReadOnlyList<string> NodesThatRan(Guid escalationId) => [.. runs.Where(r => r.Key == escalationId.ToString()).Select(r => r.Node)];
}

/// <summary>
/// Story 5's promise at the scale of operations: an escalation deadline is a durable timer that fires exactly once
/// whether two app nodes share the database or the node that set it is gone when it falls due.
/// </summary>
public sealed class EscalationTimerNodeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2031, 3, 4, 18, 0, 0, TimeSpan.Zero));
    private readonly DeadlineJobRuns runs = new();

    [PostgreSqlFact]
    public async Task With_two_nodes_on_one_database_a_missed_deadline_alerts_the_backup_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var nodeA = await EscalationNode.StartAsync(database, clock, runs);
        await using var nodeB = await EscalationNode.StartAsync(database, clock, runs);
        var (backup, supervisor) = (await UserIdAsync(nodeA, Roles.Quality), await UserIdAsync(nodeA, Roles.Supervisor));
        await RosterAsync(nodeA, await UserIdAsync(nodeA, Roles.Expert), backup);
        var (caseId, escalationId) = await EscalateAsync(nodeA);

        // The acknowledge deadline passes on both nodes' clocks at once; either may take the timer, only one does.
        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await WaitForBackupAlertedAsync(nodeB, escalationId);
        await SettleAsync();

        var ran = runs.NodesThatRan(escalationId);
        Assert.Single(ran);
        await AssertBackupAlertedOnceAsync(nodeB, caseId, escalationId, backup, supervisor);
        var nodes = new[] { await InstanceIdAsync(nodeA), await InstanceIdAsync(nodeB) };
        Assert.Equal(2, nodes.Distinct().Count());
        Assert.Contains(ran[0], nodes);
    }

    [Fact]
    public async Task A_deadline_that_falls_due_while_the_node_is_down_fires_once_when_a_node_starts()
    {
        await using var database = await TestDatabase.CreateAsync();
        string backup;
        string supervisor;
        Guid caseId;
        Guid escalationId;
        await using (var before = await EscalationNode.StartAsync(database, clock, runs))
        {
            (backup, supervisor) = (await UserIdAsync(before, Roles.Quality), await UserIdAsync(before, Roles.Supervisor));
            await RosterAsync(before, await UserIdAsync(before, Roles.Expert), backup);
            (caseId, escalationId) = await EscalateAsync(before);
        }

        // Down past the deadline: nobody is there to fire it.
        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Empty(runs.NodesThatRan(escalationId));

        await using var after = await EscalationNode.StartAsync(database, clock, runs);
        await WaitForBackupAlertedAsync(after, escalationId);
        await SettleAsync();

        Assert.Equal([await InstanceIdAsync(after)], runs.NodesThatRan(escalationId));
        await AssertBackupAlertedOnceAsync(after, caseId, escalationId, backup, supervisor);
    }

    [Fact]
    public async Task A_node_that_dies_between_committing_an_escalation_and_setting_its_timer_loses_no_deadline()
    {
        await using var database = await TestDatabase.CreateAsync();
        string backup;
        string supervisor;
        Guid caseId;
        Guid escalationId;
        await using (var dying = await EscalationNode.StartAsync(database, clock, runs, schedulerUnreachable: true))
        {
            (backup, supervisor) = (await UserIdAsync(dying, Roles.Quality), await UserIdAsync(dying, Roles.Supervisor));
            await RosterAsync(dying, await UserIdAsync(dying, Roles.Expert), backup);
            (caseId, escalationId) = await EscalateAsync(dying);
            Assert.True(await dying.WithDbAsync(db => db.TimerRequests.AnyAsync(r => r.Key == escalationId.ToString())), "the deadline committed with the escalation");
        }

        // The clock stands still from here: the start-up sweep hands over a deadline 15 minutes overdue, which fires
        // only because it is set for now (Quartz's misfire scan would come a minute later on this clock, never).
        clock.Advance(TimeSpan.FromMinutes(25));
        await using var after = await EscalationNode.StartAsync(database, clock, runs);
        await WaitForBackupAlertedAsync(after, escalationId);
        await SettleAsync();

        Assert.Equal([await InstanceIdAsync(after)], runs.NodesThatRan(escalationId));
        await AssertBackupAlertedOnceAsync(after, caseId, escalationId, backup, supervisor);
        // The case's service-level clocks, set by the same dying node, are in the scheduler too.
        var timers = after.Services.GetRequiredService<DurableTimers>();
        Assert.NotNull(await timers.DueAtAsync<ServiceLevelTimerJob>(ServiceLevelDeadlines.TimerKey(caseId, ServiceLevelKind.Resolution), CancellationToken.None));
        Assert.False(await after.WithDbAsync(db => db.TimerRequests.AnyAsync()), "every request was handed over");
    }

    private static async Task AssertBackupAlertedOnceAsync(EscalationNode node, Guid caseId, Guid escalationId, string backup, string supervisor)
    {
        var backupOwner = CaseOwner.User(backup).ToString();
        var entries = await node.WithDbAsync(db => db.CaseEntries.Where(e => e.CaseId == caseId).ToListAsync());
        Assert.Single(entries, e => e.Kind == CaseEntryKind.EscalationMissed);
        Assert.Single(entries, e => e.Kind == CaseEntryKind.Escalated && e.ToOwner == backupOwner);
        var pages = await node.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.Type == EscalationAlerts.PagingMessageType && m.Payload.Contains(escalationId.ToString()))
            .Select(m => m.Payload).ToListAsync());
        Assert.Single(pages, p => p.Contains(backup, StringComparison.Ordinal) && p.Contains("\"kind\":\"alert\"", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains(supervisor, StringComparison.Ordinal) && p.Contains("\"kind\":\"supervisor\"", StringComparison.Ordinal));
        var escalation = await node.WithDbAsync(db => db.Escalations.SingleAsync(e => e.Id == escalationId));
        Assert.Equal((1, EscalationStatus.Alerting, backup), (escalation.Level, escalation.Status, escalation.AlertedUserId));
    }

    private static Task WaitForBackupAlertedAsync(EscalationNode node, Guid escalationId) =>
        Eventually.HoldsAsync(
            () => node.WithDbAsync(db => db.Escalations.AnyAsync(e => e.Id == escalationId && e.Level == 1)),
            Patience,
            "the backup is alerted");

    /// <summary>Gives a second, wrong firing the time it would need (several scheduler polls) to show itself.</summary>
    private static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(4));

    private static async Task<(Guid CaseId, Guid EscalationId)> EscalateAsync(EscalationNode node)
    {
        var agent = await node.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王芳"));
        var opened = await (await agent.PostAsJsonAsync("/api/cases", new { personId = person.Id, type = "technical-support", priority = "urgent", subject = "Pump occlusion alarm" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        var escalated = await (await agent.PostAsJsonAsync($"/api/cases/{opened.Id}/escalations", new { note = "Occlusion alarm at night." }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
        return (opened.Id, Assert.Single(escalated.Escalations).Id);
    }

    private Task<int> RosterAsync(EscalationNode node, string primary, string backup) =>
        node.WithDbAsync(async db =>
        {
            db.OnCallShifts.Add(new OnCallShift
            {
                TeamId = TeamSeeder.Experts,
                StartsAt = clock.GetUtcNow().AddHours(-1),
                EndsAt = clock.GetUtcNow().AddHours(11),
                PrimaryUserId = primary,
                BackupUserIds = [backup],
            });
            return await db.SaveChangesAsync();
        });

    private static Task<string> UserIdAsync(EscalationNode node, string role)
    {
        var email = UserSeeder.DemoEmail(role).ToUpperInvariant();
        return node.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync());
    }

    private static async Task<string> InstanceIdAsync(EscalationNode node)
    {
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        return await scheduler.GetSchedulerInstanceId(CancellationToken.None);
    }
}
