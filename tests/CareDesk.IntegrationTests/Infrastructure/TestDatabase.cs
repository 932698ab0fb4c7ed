using CareDesk.Platform.Data;
using Npgsql;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test fixture, on the provider named by <c>CAREDESK_TEST_DB</c>
/// (<c>sqlite</c>, the default, or <c>postgres</c> with the server in <c>CAREDESK_TEST_PG</c>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
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

    public static async Task<TestDatabase> CreateAsync()
    {
        if (ConfiguredProvider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"caredesk-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", file, null, null);
        }

        // Never skip silently: a PostgreSQL run without a server is a broken run.
        var server = Environment.GetEnvironmentVariable("CAREDESK_TEST_PG")
            ?? throw new InvalidOperationException("CAREDESK_TEST_DB=postgres needs CAREDESK_TEST_PG (test.sh starts a server and sets it).");
        var name = $"caredesk_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, null, name, server);
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
