using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CareDesk.Features.Cases;

/// <summary>The durable timer of one promised callback (keyed by its id): fires at its warning instant, then at its due time.</summary>
[DisallowConcurrentExecution]
public sealed class CallbackOverdueJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("callbacks");
        await scope.ServiceProvider.GetRequiredService<CallbackDeadlines>().CheckAsync(Guid.Parse(context.JobDetail.Key.Name), cancellationToken);
    }
}
