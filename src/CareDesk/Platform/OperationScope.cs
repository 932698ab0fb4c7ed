using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform;

/// <summary>
/// Runs one use case in a fresh DI scope that carries the current actor. Blazor circuits live for hours; their
/// operations must not share one long-lived <c>DbContext</c> (or <c>UserManager</c>), so each gets its own scope.
/// </summary>
public sealed class OperationScope(IServiceScopeFactory scopes, AuditContext audit)
{
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> operation)
        where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        audit.CopyTo(scope.ServiceProvider.GetRequiredService<AuditContext>());
        return await operation(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
