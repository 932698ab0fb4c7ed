using CareDesk.Features.Imports.Running;
using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CareDesk.Features.Imports;

/// <summary>
/// Runs one import in the background: a durable timer (key: the import's id) set when the import was accepted. Quartz
/// runs it again after a crash (the timer asks for recovery), and <see cref="RunImport"/> resumes from its checkpoint.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ImportJob(IServiceScopeFactory scopes, ILogger<ImportJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(context.JobDetail.Key.Name);
        await using var scope = scopes.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditContext>();
        audit.SetSystem("imports");
        audit.Reason = $"import {id}";
        try
        {
            if (await scope.ServiceProvider.GetRequiredService<RunImport>().RunAsync(id, cancellationToken))
            {
                LogDone(logger, id);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the run resumes from its last batch when the job is recovered.
            throw;
        }
        catch (Exception failure)
        {
            LogFailed(logger, failure, id);
            await using var failed = scopes.CreateAsyncScope();
            failed.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("imports");
            await failed.ServiceProvider.GetRequiredService<RunImport>().FailAsync(id, "unexpected_error", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} ran")]
    private static partial void LogDone(ILogger logger, Guid importId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed")]
    private static partial void LogFailed(ILogger logger, Exception failure, Guid importId);
}
