using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Scheduling;

/// <summary>
/// Hands committed <see cref="TimerRequest"/>s to the scheduler at start and every
/// <see cref="SchedulingOptions.SweepInterval"/>: the ones a node wrote and could not hand over itself because it
/// died (or its scheduler store was unreachable) right after the commit. Also at once when a save asked for it
/// (<see cref="DurableTimers.HandOverSoon"/>): then it hands over, in one pass, what many saves requested.
/// </summary>
internal sealed partial class TimerRequestSweeper(
    IServiceScopeFactory scopes,
    DurableTimers timers,
    IOptions<SchedulingOptions> options,
    ILogger<TimerRequestSweeper> logger) : BackgroundService
{
    // After a failed pass (the scheduler's store not reachable, or not yet provisioned): try again soon.
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        var asked = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("timers");
                    var applied = await timers.ApplyRequestedAsync(stoppingToken);
                    if (applied > 0 && !asked)
                    {
                        Recovered(logger, applied);
                    }
                }

                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One line per outage, not one per pass.
                if (!failing)
                {
                    Failed(logger, ex);
                }

                failing = true;
            }

            try
            {
                var wait = failing && RetryAfterFailure < options.Value.SweepInterval ? RetryAfterFailure : options.Value.SweepInterval;
                asked = await timers.WaitForHandOverAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} committed timer request(s) handed to the scheduler by the sweep (their node had not done it yet, or had stopped)")]
    private static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer requests could not be handed to the scheduler; retrying every sweep interval")]
    private static partial void Failed(ILogger logger, Exception exception);
}
