using System.Globalization;
using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>The durable timer of one obligation (keyed by its id): fires at its next stage, on one node.</summary>
[DisallowConcurrentExecution]
public sealed class ObligationTimerJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(context.JobDetail.Key.Name, CultureInfo.InvariantCulture);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("obligations");
        await scope.ServiceProvider.GetRequiredService<ObligationDeadlines>().CheckAsync(id, cancellationToken);
    }
}
