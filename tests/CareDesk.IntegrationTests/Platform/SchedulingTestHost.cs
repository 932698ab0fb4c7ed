using System.Collections.Concurrent;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>One firing of a test timer: which timer, on which scheduler node, when, with what note.</summary>
public sealed record TimerFiring(string Key, string InstanceId, DateTimeOffset FiredAt, string? Note);

/// <summary>
/// A timer job for tests: records its firings in memory under the test run named in its data. Static, because
/// every host of this process (two nodes, or one before and after a restart) must write to the same record.
/// </summary>
public sealed class RecordFiringJob : IJob
{
    public const string Run = "run";
    public const string Note = "note";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<TimerFiring>> FiringsByRun = new();

    public static IReadOnlyList<TimerFiring> FiringsOf(string run) =>
        FiringsByRun.TryGetValue(run, out var firings) ? [.. firings] : [];

    public static Dictionary<string, string> Data(string run, string? note = null) =>
        note is null ? new() { [Run] = run } : new() { [Run] = run, [Note] = note };

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var firing = new TimerFiring(
            context.JobDetail.Key.Name,
            await context.Scheduler.GetSchedulerInstanceId(cancellationToken),
            context.FireTimeUtc,
            data.ContainsKey(Note) ? data.GetString(Note) : null);
        FiringsByRun.GetOrAdd(data.GetString(Run)!, _ => new ConcurrentQueue<TimerFiring>()).Enqueue(firing);
    }
}

/// <summary>The real host with its scheduler tuned to notice timers within a second, and the outbox worker off.</summary>
public sealed class SchedulingHost : CareDeskFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Outbox:Enabled"] = "false",
        ["Scheduling:IdleWaitTime"] = "00:00:01",
        ["Scheduling:ClusterCheckinInterval"] = "00:00:01",
    };

    public DurableTimers Timers => Services.GetRequiredService<DurableTimers>();

    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public async Task<string> SchedulerInstanceIdAsync()
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        return await scheduler.GetSchedulerInstanceId(CancellationToken.None);
    }

    public async Task<bool> SchedulerStartedAsync()
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        return await scheduler.GetStatus(CancellationToken.None) == SchedulerStatus.Running;
    }

    public async Task<bool> IsPendingAsync(string key) =>
        await Timers.DueAtAsync<RecordFiringJob>(key, CancellationToken.None) is not null;
}
