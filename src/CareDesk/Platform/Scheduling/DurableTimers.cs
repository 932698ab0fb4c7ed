using System.Text.Json;
using System.Threading.Channels;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
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
/// <para>
/// A timer that guards a state change (an escalation's deadline, a callback's due time) is set with
/// <see cref="Set{TJob}"/> before <c>SaveChanges</c>, so it commits with that state, and handed to the scheduler
/// by <see cref="ApplyRequestedAsync"/> after the commit. The scheduler's store is another transaction: setting the
/// timer directly after the commit loses it when the node dies between the two.
/// </para>
/// </remarks>
public sealed partial class DurableTimers(ISchedulerFactory schedulers, IDbContextFactory<CareDeskDbContext> databases, TimeProvider time, ILogger<DurableTimers> logger) : IDisposable
{
    // Most requests one pass hands over; a backlog larger than this is taken by the next pass.
    private const int BatchSize = 500;

    // Serialises passes on this node; on PostgreSQL an advisory lock serialises them across nodes.
    private readonly SemaphoreSlim pass = new(1, 1);

    // One pending hand-over is enough: a pass hands over every request committed before it starts.
    private readonly Channel<bool> handOvers = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Dispose() => pass.Dispose();

    /// <summary>
    /// Requests timer <paramref name="key"/> of <typeparamref name="TJob"/> at <paramref name="dueAt"/> in
    /// <paramref name="db"/>'s next save: it commits with the state it guards. Call <see cref="ApplyRequestedAsync"/>
    /// after the save.
    /// </summary>
    public void Set<TJob>(CareDeskDbContext db, string key, DateTimeOffset dueAt, IReadOnlyDictionary<string, string>? data = null)
        where TJob : IJob => db.TimerRequests.Add(Request<TJob>(key, dueAt, data));

    /// <summary>Requests, in <paramref name="db"/>'s next save, that timer <paramref name="key"/> be removed.</summary>
    public void Clear<TJob>(CareDeskDbContext db, string key)
        where TJob : IJob => db.TimerRequests.Add(Request<TJob>(key, null, null));

    /// <summary>
    /// After a save that set or cleared timers: hands them to the scheduler now. The state is committed whatever
    /// happens here, so a failure (the scheduler's store unreachable) is logged, not thrown: the sweep hands the
    /// requests over later (<see cref="SchedulingOptions.SweepInterval"/>).
    /// </summary>
    public async Task HandOverAsync(CareDeskDbContext db, CancellationToken cancellationToken)
    {
        // Most saves set no timer: then there is nothing to look for.
        var requested = db.ChangeTracker.Entries<TimerRequest>().ToList();
        if (requested.Count == 0)
        {
            return;
        }

        foreach (var entry in requested)
        {
            entry.State = EntityState.Detached;
        }

        try
        {
            await ApplyRequestedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HandOverFailed(logger, ex);
        }
    }

    /// <summary>
    /// After a save that set or cleared timers, on a path that must not queue behind the scheduler (opening a case:
    /// every hand-over takes the scheduler store's lock, shared by all nodes): the requests are committed, and
    /// <see cref="TimerRequestSweeper"/> hands them over moments later, many saves' requests in one pass. Until then
    /// the timer is not in the scheduler, which suits a due time minutes or hours away, not one due at once.
    /// </summary>
    public void HandOverSoon(CareDeskDbContext db)
    {
        var requested = db.ChangeTracker.Entries<TimerRequest>().ToList();
        if (requested.Count == 0)
        {
            return;
        }

        foreach (var entry in requested)
        {
            entry.State = EntityState.Detached;
        }

        handOvers.Writer.TryWrite(true);
    }

    /// <summary>Waits until <see cref="HandOverSoon"/> asks for a pass or <paramref name="timeout"/> passes; true when asked.</summary>
    internal async Task<bool> WaitForHandOverAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var asked = handOvers.Reader.WaitToReadAsync(wait.Token).AsTask();
        var elapsed = Task.Delay(timeout, time, wait.Token);
        var first = await Task.WhenAny(asked, elapsed);
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return handOvers.Reader.TryRead(out _) && first == asked;
    }

    /// <summary>
    /// Hands every committed request to the scheduler, the latest per timer, and removes them. Safe to run on any
    /// node at any time: passes are serialised, and setting a timer again replaces it.
    /// </summary>
    public async Task<int> ApplyRequestedAsync(CancellationToken cancellationToken)
    {
        await pass.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (transaction is not null)
            {
                // Without it, a node could hand over an older request after another node handed over a newer one.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(74170003)", cancellationToken);
            }

            var requests = await db.TimerRequests.AsNoTracking().OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (requests.Count == 0)
            {
                return 0;
            }

            // All of them in one store operation each for setting and for removing: the store's lock is taken twice
            // per pass, not once per timer.
            var toSchedule = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
            var toDelete = new List<JobKey>();
            foreach (var latest in requests.GroupBy(r => (r.JobType, r.Key)).Select(g => g.Last()))
            {
                var jobType = Type.GetType(latest.JobType, throwOnError: true)!;
                if (latest.DueAt is { } dueAt)
                {
                    var data = latest.Data is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(latest.Data);
                    var (job, trigger) = Build(jobType, latest.Key, dueAt, data);
                    toSchedule[job] = [trigger];
                }
                else
                {
                    toDelete.Add(new JobKey(latest.Key, GroupOf(jobType)));
                }
            }

            var scheduler = await schedulers.GetScheduler(cancellationToken);
            if (toSchedule.Count > 0)
            {
                await scheduler.ScheduleJobs(toSchedule, ScheduleJobOptions.Replacing, cancellationToken);
            }

            if (toDelete.Count > 0)
            {
                await scheduler.DeleteJobs(toDelete, cancellationToken);
            }

            var ids = requests.ConvertAll(r => r.Id);
            await db.TimerRequests.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return requests.Count;
        }
        finally
        {
            pass.Release();
        }
    }

    /// <summary>
    /// Sets timer <paramref name="key"/> of <typeparamref name="TJob"/> to fire once at <paramref name="dueAt"/>, with
    /// <paramref name="data"/> in the job's merged data map; a pending timer with that key is replaced. A time already
    /// past fires at once, and one missed while no node was running fires once when a node is back.
    /// </summary>
    public Task ScheduleAsync<TJob>(string key, DateTimeOffset dueAt, IReadOnlyDictionary<string, string>? data, CancellationToken cancellationToken)
        where TJob : IJob => ScheduleAsync(typeof(TJob), key, dueAt, data, cancellationToken);

    private async Task ScheduleAsync(Type jobType, string key, DateTimeOffset dueAt, IReadOnlyDictionary<string, string>? data, CancellationToken cancellationToken)
    {
        var (job, trigger) = Build(jobType, key, dueAt, data);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Job and trigger are replaced in one store operation under the store's lock: no read-then-write race.
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private (IJobDetail Job, ITrigger Trigger) Build(Type jobType, string key, DateTimeOffset dueAt, IReadOnlyDictionary<string, string>? data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);

        // A due time already past is set for now. Quartz takes a trigger whose time is more than its misfire
        // threshold (a minute) in the past for a misfired one: the scheduler never acquires it, only the misfire
        // scan does, which runs once a minute on the app's clock. So a deadline the sweep hands over long after it
        // fell due (its node died before doing it) would wait up to a minute more, and on a clock that does not move
        // (a test's fake clock) for ever. Set for now, it is acquired at once like any due timer.
        var now = time.GetUtcNow();
        var firesAt = dueAt > now ? dueAt : now;
        var job = JobBuilder.Create().OfType(jobType)
            .WithIdentity(new JobKey(key, GroupOf(jobType)))
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(new TriggerKey(key, GroupOf(jobType)))
            .ForJob(job)
            .StartAt(firesAt)
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        foreach (var (name, value) in data ?? new Dictionary<string, string>())
        {
            trigger = trigger.UsingJobData(name, value);
        }

        return (job, trigger.Build());
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

    private static string GroupOf<TJob>() => GroupOf(typeof(TJob));

    private static string GroupOf(Type jobType) => jobType.FullName ?? jobType.Name;

    private TimerRequest Request<TJob>(string key, DateTimeOffset? dueAt, IReadOnlyDictionary<string, string>? data)
        where TJob : IJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new TimerRequest
        {
            JobType = $"{typeof(TJob).FullName}, {typeof(TJob).Assembly.GetName().Name}",
            Key = key,
            DueAt = dueAt,
            Data = data is null || data.Count == 0 ? null : JsonSerializer.Serialize(data),
            RequestedAt = time.GetUtcNow(),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committed timer requests could not be handed to the scheduler now; the sweep will")]
    private static partial void HandOverFailed(ILogger logger, Exception exception);
}
