using CareDesk.Platform.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CareDesk.Platform.Scheduling;

/// <summary>
/// Durable timers: Quartz.NET with its ADO job store in CareDesk's own database (see docs/adr/0002).
/// On PostgreSQL the store is clustered, so with several app nodes each trigger fires on exactly one node;
/// triggers survive restarts and misfired ones fire once on recovery.
/// </summary>
internal static class SchedulingSetup
{
    public const string SchedulerName = "CareDesk";
    public const string TablePrefix = "qrtz_";

    public static IServiceCollection AddCareDeskScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var scheduling = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.GenerateInstanceId = true;
                scheduler.IdleWaitTime = scheduling.IdleWaitTime;
            });
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 10);

            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = TablePrefix;
                    options.StoreJobDataAsStrings = true;
                });

                // Quartz owns its tables (they follow the Quartz version); our migrations own ours.
                store.ProvisionSchema();
                if (database.Provider == DatabaseProvider.PostgreSql)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = scheduling.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = scheduling.ClusterCheckinInterval * 2;
                    });
                }
                else
                {
                    // Through a factory that sets the busy timeout on each connection, as EF Core's connections have it.
                    store.UseSqlite(SqliteBusyTimeout.ProviderFactory, database.ConnectionString);
                }
            });
        });

        // Any node can set and cancel timers, also one that runs no scheduler: they are rows in the shared store.
        services.AddSingleton<DurableTimers>();
        services.AddHostedService<TimerRequestSweeper>();
        if (scheduling.Enabled)
        {
            // The scheduler starts with the host, after migrations; it provisions its own tables then.
            services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }

        return services;
    }

    /// <summary>
    /// Recurring housekeeping a feature registers in its <c>Add&lt;Feature&gt;()</c>: a job with one repeating trigger in
    /// the shared store, so a cluster runs it once per interval. Declared again at every start; the trigger keeps its
    /// firing history across restarts.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, TimeSpan interval)
        where TJob : IJob =>
        // Quartz gathers the jobs of every AddQuartz call into the one scheduler configured above.
        services.AddQuartz(quartz => quartz.ScheduleJob<TJob>(
            trigger => trigger
                .WithIdentity(key.Name, key.Group)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(interval)
                    .RepeatForever()
                    // Runs missed while no node was up collapse into the next one.
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(key).StoreDurably().DisallowConcurrentExecution()));
}
