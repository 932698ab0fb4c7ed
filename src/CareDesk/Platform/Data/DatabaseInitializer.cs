using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Data;

/// <summary>Brings the database to the current schema and seeds what must exist, before the host listens.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // Settings are validated when the host starts, which is after this: check them first, so a bad setting
        // stops start-up with its name before any migration runs on the database it may point at.
        services.GetService<IStartupValidator>()?.Validate();

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<AuditContext>().SetSystem("startup");
        var settings = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        await using var db = await provider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            PrepareSqliteFile(settings.ConnectionString);
        }

        if (settings.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) on {Provider}", pending.Count, settings.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer; one writer at a time is what SQLite offers anyway.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await provider.GetRequiredService<UserSeeder>().SeedAsync(cancellationToken);

        // The features' reference data (in demo and production alike) and demo data, each after what it refers to.
        foreach (var seeder in provider.GetServices<IDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    /// <summary>Registers a feature's <see cref="IDataSeeder"/>, also resolvable as itself (a test seeds with it).</summary>
    public static IServiceCollection AddDataSeeder<TSeeder>(this IServiceCollection services)
        where TSeeder : class, IDataSeeder
    {
        services.AddScoped<TSeeder>();
        services.AddScoped<IDataSeeder>(provider => provider.GetRequiredService<TSeeder>());
        return services;
    }

    private static void PrepareSqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
