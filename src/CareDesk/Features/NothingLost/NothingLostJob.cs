using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CareDesk.Features.NothingLost;

/// <summary>
/// The nothing-lost detector's heartbeat: every <see cref="Interval"/> one scan of the rules, then the handover report
/// if a shift boundary has passed. One recurring trigger in the shared Quartz store: on a PostgreSQL cluster it runs
/// on one node per interval, never on two at once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class NothingLostJob(IServiceScopeFactory scopes, ILogger<NothingLostJob> logger) : IJob
{
    public static readonly JobKey Key = new("nothing-lost", "housekeeping");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("nothing-lost");
            var changed = await scope.ServiceProvider.GetRequiredService<DetectLostWork>().RunAsync(cancellationToken);
            if (changed.Raised + changed.Resolved > 0)
            {
                LogScan(logger, changed.Raised, changed.Resolved);
            }
        }

        // A fresh scope: the report reads the findings just saved, not the scan's tracked entities.
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("handover");
            if (await scope.ServiceProvider.GetRequiredService<ProduceHandover>().RunAsync(cancellationToken) is { } report)
            {
                LogHandover(logger, report.ShiftEndedAt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing-lost scan: {Raised} finding(s) raised, {Resolved} resolved")]
    private static partial void LogScan(ILogger logger, int raised, int resolved);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handover report produced for the shift ending {EndedAt:O}")]
    private static partial void LogHandover(ILogger logger, DateTimeOffset endedAt);
}
