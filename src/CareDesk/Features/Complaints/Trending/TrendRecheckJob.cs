using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// Runs <see cref="RecheckTrends"/> once a day: one recurring trigger in the shared Quartz store, so a cluster runs it
/// on one node, and a day missed while no node was up is caught up once on the next start.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class TrendRecheckJob(IServiceScopeFactory scopes, ILogger<TrendRecheckJob> logger) : IJob
{
    public static readonly JobKey Key = new("trend-recheck", "housekeeping");

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("trend-recheck");
        var raised = await scope.ServiceProvider.GetRequiredService<RecheckTrends>().RunAsync(cancellationToken);
        LogRecheck(logger, raised);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trend re-check: {Raised} signal(s) raised")]
    private static partial void LogRecheck(ILogger logger, int raised);
}
