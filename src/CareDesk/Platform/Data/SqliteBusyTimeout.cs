using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareDesk.Platform.Data;

/// <summary>
/// Lets SQLite itself wait for the writer's lock (<c>PRAGMA busy_timeout</c>) on every connection CareDesk opens.
/// Without it Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, so a write that meets another
/// (a webhook's insert meeting the previous screen pop's audit row) lost 150 ms even when the lock was free again
/// after one; SQLite's own busy handler polls in steps of 1 to 100 ms (docs/benchmarks.md, screen pop).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    /// <summary>
    /// The same for connections opened outside EF Core: Quartz's job store on SQLite (Platform/Scheduling) opens its
    /// own, through this factory.
    /// </summary>
    public static DbProviderFactory ProviderFactory { get; } = new BusyTimeoutSqliteFactory();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void SetOnOpen(object? sender, StateChangeEventArgs change)
    {
        if (sender is SqliteConnection connection && change.CurrentState == ConnectionState.Open && change.OriginalState != ConnectionState.Open)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    private sealed class BusyTimeoutSqliteFactory : DbProviderFactory
    {
        public override DbConnection CreateConnection()
        {
            var connection = new SqliteConnection();
            connection.StateChange += SetOnOpen;
            return connection;
        }

        public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

        public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

        public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();
    }
}
