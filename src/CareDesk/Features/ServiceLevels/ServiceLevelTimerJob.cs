using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CareDesk.Features.ServiceLevels;

/// <summary>The durable timer of one case clock, keyed <c>{caseId}:{first-response|resolution}</c>.</summary>
[DisallowConcurrentExecution]
public sealed class ServiceLevelTimerJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var key = context.JobDetail.Key.Name;
        var split = key.IndexOf(':', StringComparison.Ordinal);
        var kind = key[(split + 1)..] == "first-response" ? ServiceLevelKind.FirstResponse : ServiceLevelKind.Resolution;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("service-levels");
        await scope.ServiceProvider.GetRequiredService<ServiceLevelDeadlines>().CheckAsync(Guid.Parse(key[..split]), kind, cancellationToken);
    }
}
