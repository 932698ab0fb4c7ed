using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareDesk.Platform.Data;

internal static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "CareDesk.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "CareDesk.Migrations.PostgreSql";

    public static IServiceCollection AddCareDeskDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddSingleton<DatabaseOutage>();
        // Scoped factory: contexts are built in the caller's scope, so the audit trail knows who acts.
        services.AddDbContextFactory<CareDeskDbContext>(
            // Features add their own save interceptors (registered as IInterceptor), e.g. People's search terms.
            (services, options) => Configure(options, settings)
                .AddInterceptors(services.GetRequiredService<DatabaseOutage>())
                .AddInterceptors(services.GetServices<IInterceptor>()),
            ServiceLifetime.Scoped);
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseOptions settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(WithPoolTuning(settings.ConnectionString), npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqliteBusyTimeout.Instance);
                break;
        }

        // One model per provider (their conventions differ), even when one process talks to both.
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();

        // EF Core logs every failed query, save and connection with its stack trace, then throws: whoever catches the
        // exception decides what it means (a race retried, a 503 while the database is down, once per outage; or a 500
        // logged with its trace id). At Error these were a second, per-request stack trace: 22,800 lines in 57 s of outage.
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        return options;
    }

    /// <summary>
    /// The pool as CareDesk uses it. Hot queries (the caller lookup) run thousands of times a minute; prepared statements
    /// halve PostgreSQL's CPU per lookup (docs/benchmarks.md). A connection taken back into the pool is not reset: the
    /// reset (seven statements the server runs before the next query: <c>RESET ALL</c>, <c>UNLISTEN *</c>, advisory
    /// unlock…) was a fifth of the statements of opening a case, and CareDesk leaves no session state behind (locks are
    /// transaction-scoped, <c>LISTEN</c> runs on unpooled connections of its own). An explicit <c>Max Auto Prepare</c>
    /// or <c>No Reset On Close</c> in the connection string wins.
    /// </summary>
    internal static string WithPoolTuning(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 50;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), context.Database.ProviderName, designTime);
    }
}
