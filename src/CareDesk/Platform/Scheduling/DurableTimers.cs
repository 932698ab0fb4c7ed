using Quartz;

namespace CareDesk.Platform.Scheduling;

/// <summary>
/// Timers a use case sets for later ("remind the agent in 48 hours", "close the case if nobody answers"): stored in
/// the database with Quartz, so they survive restarts, and on PostgreSQL each fires on exactly one node.
/// A timer is a Quartz job of the caller's job type with one trigger, both named by the caller's key within that job
/// type: scheduling a key again moves its timer rather than adding a second one.
/// </summary>
/// <remarks>
/// The job runs at least once: if its node dies mid-run, another node (or this one on restart) runs it again. So a
/// job does its work in one transaction and sends anything that leaves the system through the outbox.
/// </remarks>
public sealed class DurableTimers(ISchedulerFactory schedulers, TimeProvider time)
{
    /// <summary>
    /// Sets timer <paramref name="key"/> of <typeparamref name="TJob"/> to fire once at <paramref name="dueAt"/>, with
    /// <paramref name="data"/> in the job's merged data map; a pending timer with that key is replaced. A time already
    /// past fires at once, and one missed while no node was running fires once when a node is back.
    /// </summary>
    public async Task ScheduleAsync<TJob>(string key, DateTimeOffset dueAt, IReadOnlyDictionary<string, string>? data, CancellationToken cancellationToken)
        where TJob : IJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var job = JobBuilder.Create<TJob>()
            .WithIdentity(JobKeyOf<TJob>(key))
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(TriggerKeyOf<TJob>(key))
            .ForJob(job)
            .StartAt(dueAt)
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        foreach (var (name, value) in data ?? new Dictionary<string, string>())
        {
            trigger = trigger.UsingJobData(name, value);
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Job and trigger are replaced in one store operation under the store's lock: no read-then-write race.
        await scheduler.ScheduleJob(job, trigger.Build(), ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>Removes timer <paramref name="key"/>; returns false when there was none (already fired or cancelled).</summary>
    public async Task<bool> CancelAsync<TJob>(string key, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.DeleteJob(JobKeyOf<TJob>(key), cancellationToken);
    }

    /// <summary>When timer <paramref name="key"/> fires next, or null when it is not pending.</summary>
    public async Task<DateTimeOffset?> DueAtAsync<TJob>(string key, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(TriggerKeyOf<TJob>(key), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    // The job type is the group, so two features can use the same key (a case id, say) without colliding.
    private static JobKey JobKeyOf<TJob>(string key) => new(key, GroupOf<TJob>());

    private static TriggerKey TriggerKeyOf<TJob>(string key) => new(key, GroupOf<TJob>());

    private static string GroupOf<TJob>() => typeof(TJob).FullName ?? typeof(TJob).Name;
}
