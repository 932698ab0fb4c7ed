using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database for one test fixture, on the provider named by <c>CAREDESK_TEST_DB</c> (<c>sqlite</c>, the default,
/// or <c>postgres</c> with the server in <c>CAREDESK_TEST_PG</c>): a copy of one database per test run that holds every
/// migration and no rows (a template database on PostgreSQL, a copied file on SQLite), so a host's start-up finds nothing
/// to migrate and runs only its seeders. Migrating ~60 tables for each of the run's ~150 hosts was a large share of the
/// integration suite's time. <see cref="CreateEmptyAsync"/> gives a database without even the schema.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? template;

    private readonly string? sqliteFile;
    private readonly string? postgresName;
    private readonly string? postgresServer;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName, string? postgresServer)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresName = postgresName;
        this.postgresServer = postgresServer;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static DatabaseProvider ConfiguredProvider =>
        Environment.GetEnvironmentVariable("CAREDESK_TEST_DB")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.PostgreSql,
            var other => throw new InvalidOperationException($"CAREDESK_TEST_DB='{other}': use sqlite or postgres."),
        };

    /// <summary>A database with every migration applied and no rows.</summary>
    public static async Task<TestDatabase> CreateAsync() => await CreateAsync(await MigratedTemplateAsync());

    /// <summary>A database without the schema: for tests of what start-up does before it migrates.</summary>
    public static Task<TestDatabase> CreateEmptyAsync() => CreateAsync(from: null);

    private static async Task<TestDatabase> CreateAsync(string? from)
    {
        if (ConfiguredProvider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"caredesk-test-{Guid.NewGuid():N}.db");
            if (from is not null)
            {
                File.Copy(from, file);
            }

            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", file, null, null);
        }

        var server = PostgresServer;
        var name = $"caredesk_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            var copy = from is null ? "" : $" TEMPLATE \"{from}\"";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, null, name, server);
    }

    // Never skip silently: a PostgreSQL run without a server is a broken run.
    private static string PostgresServer => Environment.GetEnvironmentVariable("CAREDESK_TEST_PG")
        ?? throw new InvalidOperationException("CAREDESK_TEST_DB=postgres needs CAREDESK_TEST_PG (test.sh starts a server and sets it).");

    /// <summary>The run's migrated template (a file on SQLite, a database name on PostgreSQL), made on first use.</summary>
    private static async Task<string> MigratedTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (template is not null)
            {
                return template;
            }

            var empty = await CreateAsync(from: null);
            var options = new DbContextOptionsBuilder<CareDeskDbContext>();
            DatabaseSetup.Configure(options, new DatabaseOptions { Provider = empty.Provider, ConnectionString = empty.ConnectionString });
            await using (var db = new CareDeskDbContext(options.Options))
            {
                await db.Database.MigrateAsync();
            }

            // Nobody may be connected to a PostgreSQL template while it is copied.
            NpgsqlConnection.ClearAllPools();
            template = empty.sqliteFile ?? empty.postgresName!;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    empty.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
                catch (Exception error) when (error is NpgsqlException or IOException)
                {
                    // The run's server may be gone already (test.sh stops it); its files go with it.
                }
            };
            return template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (postgresName is not null && postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
