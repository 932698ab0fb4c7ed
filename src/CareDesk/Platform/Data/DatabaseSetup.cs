using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform.Data;

internal static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "CareDesk.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "CareDesk.Migrations.PostgreSql";

    public static IServiceCollection AddCareDeskDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // Scoped factory: contexts are built in the caller's scope, so the audit trail knows who acts.
        services.AddDbContextFactory<CareDeskDbContext>(options => Configure(options, settings), ServiceLifetime.Scoped);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(WithAutoPrepare(settings.ConnectionString), npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqliteBusyTimeout.Instance);
                break;
        }

        // One model per provider (their conventions differ), even when one process talks to both.
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }

    /// <summary>
    /// Hot queries (the caller lookup) run thousands of times a minute; prepared statements halve PostgreSQL's CPU per
    /// lookup (docs/benchmarks.md). An explicit <c>Max Auto Prepare</c> in the connection string wins.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 50;
        }

        return builder.ConnectionString;
    }

    private sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), context.Database.ProviderName, designTime);
    }
}
