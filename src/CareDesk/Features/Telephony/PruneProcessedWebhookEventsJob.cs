using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CareDesk.Features.Telephony;

/// <summary>
/// The recurring Quartz job running <see cref="PruneProcessedWebhookEvents"/> every <see cref="Interval"/>. One trigger in
/// the shared store: on a PostgreSQL cluster it fires on one node per interval, never on two at once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PruneProcessedWebhookEventsJob(IServiceScopeFactory scopes, ILogger<PruneProcessedWebhookEventsJob> logger) : IJob
{
    public static readonly JobKey Key = new("prune-processed-webhook-events", "housekeeping");

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("housekeeping");
        var pruned = await scope.ServiceProvider.GetRequiredService<PruneProcessedWebhookEvents>().RunAsync(cancellationToken);
        if (pruned > 0)
        {
            logger.LogInformation("Pruned {Count} processed webhook event id(s) past their retention", pruned);
        }
    }
}
