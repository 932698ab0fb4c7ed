using CareDesk.Features.NothingLost;
using CareDesk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CareDesk.IntegrationTests.Features.NothingLost;

/// <summary>
/// Runs the real recurring Quartz job of the nothing-lost detector now and waits for a run that started after the
/// call (a run the recurring trigger began earlier does not count): the test then sees what that run did.
/// </summary>
internal sealed class NothingLostJobRunner : IJobListener
{
    private readonly object gate = new();
    private bool armed;
    private string? ours;
    private TaskCompletionSource? done;

    public string Name { get; } = $"test-{Guid.NewGuid():N}";

    public static async Task RunAsync(CareDeskFactory app)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var runner = new NothingLostJobRunner();
        scheduler.ListenerManager.AddJobListener(runner);
        try
        {
            var finished = runner.Arm();
            await scheduler.TriggerJob(NothingLostJob.Key);
            await finished.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(runner.Name);
        }
    }

    private Task Arm()
    {
        lock (gate)
        {
            armed = true;
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return done.Task;
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (armed && ours is null && context.JobDetail.Key.Equals(NothingLostJob.Key))
            {
                ours = context.FireInstanceId;
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (context.FireInstanceId == ours)
            {
                if (jobException is not null)
                {
                    done?.TrySetException(jobException);
                }
                else
                {
                    done?.TrySetResult();
                }
            }
        }

        return ValueTask.CompletedTask;
    }
}
