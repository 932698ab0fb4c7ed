using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareDesk.Platform.Operations;

/// <summary>
/// What the host does when started with a command instead of as a web server (docs/operations.md):
/// <c>migrate</c> brings the database to this release's schema and seeds reference data, then exits (the upgrade step
/// when nodes run with <c>Database__MigrateOnStartup=false</c>); <c>backup &lt;directory&gt;</c> and
/// <c>restore &lt;directory&gt;</c> copy the database and the stored files of a running instance, and put them into an
/// empty one. Each reads the same settings as the web server, so it finds the same database and directories.
/// </summary>
public static class HostCommands
{
    public const string Migrate = "migrate";
    public const string Backup = "backup";
    public const string Restore = "restore";

    /// <summary>Runs the command <paramref name="args"/> name and returns its exit code; null when they name none.</summary>
    public static async Task<int?> RunCommandAsync(this IServiceProvider services, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var command = CommandOf(args);
        if (command is null)
        {
            return null;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostCommands));
        try
        {
            switch (command)
            {
                case Migrate when args.Count == 1:
                    await MigrateAsync(services, logger, cancellationToken);
                    return 0;
                case Backup when args.Count == 2:
                    await WithBackupAsync(services, backup => backup.BackupAsync(args[1], cancellationToken));
                    return 0;
                case Restore when args.Count == 2:
                    await WithBackupAsync(services, backup => backup.RestoreAsync(args[1], cancellationToken));
                    return 0;
                default:
                    await Console.Error.WriteLineAsync(
                        $"Unknown command '{string.Join(' ', args)}'. Use: migrate | backup <directory> | restore <directory>, or no command to run the web server.");
                    return 2;
            }
        }
        catch (BackupException refused)
        {
            logger.LogError("{Command} refused: {Reason}", command, refused.Message);
            return 1;
        }
    }

    /// <summary>
    /// Before the host is built: <c>migrate</c> migrates whatever <c>Database:MigrateOnStartup</c> says, since it is the
    /// step that replaces migrating at start.
    /// </summary>
    public static WebApplicationBuilder AddCareDeskCommand(this WebApplicationBuilder builder, IReadOnlyList<string> args)
    {
        if (CommandOf(args) == Migrate)
        {
            builder.Configuration.AddInMemoryCollection([new("Database:MigrateOnStartup", "true")]);
        }

        return builder;
    }

    // Settings may also come as --Key=value or --Key value arguments: a command is the first argument, a bare word.
    private static string? CommandOf(IReadOnlyList<string> args) => args.Count > 0 && !args[0].StartsWith('-') ? args[0] : null;

    private static async Task WithBackupAsync(IServiceProvider services, Func<InstanceBackup, Task> action)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("backup");
        await action(scope.ServiceProvider.GetRequiredService<InstanceBackup>());
    }

    private static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        // Migrates, then seeds this release's reference data (catalog, teams, service levels), as a start would.
        await services.InitializeDatabaseAsync(cancellationToken);
        logger.LogInformation("The database is at this release's schema");
    }
}
