using System.Globalization;
using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CareDesk.Features.Cases;

/// <summary>The durable timer of one escalation (keyed by its id): fires at the next deadline, on one node.</summary>
[DisallowConcurrentExecution]
public sealed class EscalationDeadlineJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var id = Guid.Parse(context.JobDetail.Key.Name);
        var level = int.Parse(data.GetString("level") ?? "0", CultureInfo.InvariantCulture);
        var status = Enum.Parse<EscalationStatus>(data.GetString("status") ?? nameof(EscalationStatus.Alerting));
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("escalation");
        await scope.ServiceProvider.GetRequiredService<EscalationDeadlines>().CheckAsync(id, level, status, cancellationToken);
    }
}
