using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Every <see cref="Interval"/>, the follow-up events written since are turned into follow-ups (F20), batch by batch.
/// One recurring trigger in the shared Quartz store: on a PostgreSQL cluster one node at a time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class FollowUpJob(IServiceScopeFactory scopes, ILogger<FollowUpJob> logger) : IJob
{
    public static readonly JobKey Key = new("follow-ups", "outreach");

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var handled = 0;
        for (var batch = 0; batch < 20; batch++)
        {
            // A fresh scope per batch: each batch's tracked members and events are saved and let go.
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("follow-ups");
            var count = await scope.ServiceProvider.GetRequiredService<ScheduleFollowUps>().RunAsync(cancellationToken);
            handled += count;
            if (count == 0)
            {
                break;
            }
        }

        if (handled > 0)
        {
            LogHandled(logger, handled);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-ups: {Count} event(s) handled")]
    private static partial void LogHandled(ILogger logger, int count);
}
