using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CareDesk.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareDesk.Bench.Seeder;

/// <summary>
/// SQLite: one transaction of prepared multi-row INSERTs (32 rows per statement). Secondary indexes are
/// dropped and rebuilt inside the same transaction. Values are written as EF Core's SQLite mapping stores them:
/// GUIDs as upper-case text, dates as ISO text, DateTimeOffset through DateTimeOffsetToBinaryConverter, lists as JSON.
/// </summary>
internal static class SqliteLoader
{
    // Small batches on purpose: Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds a name by a
    // linear scan of the statement's parameters, so binding costs grow with the square of the batch width.
    private const int RowsPerBatch = 32;

    private static readonly DateTimeOffsetToBinaryConverter TimeConverter = new();

    public static async Task LoadAsync(string connectionString, SyntheticPopulation population, Action<string, TimeSpan> report)
    {
        var watch = Stopwatch.StartNew();
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await MigrateAsync(connectionString);
        report("migrate", watch.Elapsed);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute(connection, null, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        using (var check = new SqliteCommand("SELECT EXISTS (SELECT 1 FROM people)", connection))
        {
            if ((long)check.ExecuteScalar()! != 0)
            {
                throw new InvalidOperationException("The people table is not empty: seed a fresh database.");
            }
        }

        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, CatalogSql.InsertSqlite);
        BulkLoad(connection, transaction, population.Tables().ToList(), watch, report);
    }

    /// <summary>Adds the cases, timelines and contacts of <paramref name="cases"/> to a seeded population.</summary>
    public static async Task LoadCasesAsync(string connectionString, Func<IReadOnlyList<string>, IReadOnlyList<string>, string, SyntheticCases> cases, Action<string, TimeSpan> report)
    {
        var watch = Stopwatch.StartNew();
        await MigrateAsync(connectionString);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Execute(connection, null, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        var users = Read(connection, $"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Id\" NOT LIKE '{SyntheticCases.StaffPrefix}%' ORDER BY \"Id\"");
        var teams = Read(connection, "SELECT \"Id\" FROM teams ORDER BY \"Id\"");
        var agent = Read(connection, $"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = '{SyntheticCases.DemoAgent}'");
        if (agent.Count == 0 || teams.Count == 0 || Read(connection, "SELECT 'x' FROM cases LIMIT 1").Count > 0)
        {
            throw new InvalidOperationException(SyntheticCases.NotReady);
        }

        using var transaction = connection.BeginTransaction();
        BulkLoad(connection, transaction, cases(users, teams, agent[0]).Tables().ToList(), watch, report);
    }

    private static List<string> Read(SqliteConnection connection, string sql)
    {
        var values = new List<string>();
        using var command = new SqliteCommand(sql, connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static void BulkLoad(SqliteConnection connection, SqliteTransaction transaction, List<TableLoad> tables, Stopwatch watch, Action<string, TimeSpan> report)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var list = new SqliteCommand(
            $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t.Table}'"))})",
            connection, transaction))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute(connection, transaction, $"DROP INDEX \"{name}\"");
        }

        foreach (var table in tables)
        {
            var started = watch.Elapsed;
            Insert(connection, transaction, table);
            report($"insert {table.Table} ({table.CountText} rows)", watch.Elapsed - started);
        }

        var indexing = watch.Elapsed;
        foreach (var (_, sql) in indexes)
        {
            Execute(connection, transaction, sql);
        }

        report($"rebuild {indexes.Count} indexes", watch.Elapsed - indexing);
        var committing = watch.Elapsed;
        transaction.Commit();
        report("commit", watch.Elapsed - committing);
        var analyzing = watch.Elapsed;
        // The host runs in WAL mode; ANALYZE gives the planner the row counts.
        Execute(connection, null, "ANALYZE; PRAGMA journal_mode = WAL;");
        report("analyze", watch.Elapsed - analyzing);
        report("total", watch.Elapsed);
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, TableLoad table)
    {
        var rowsPerBatch = RowsPerBatch;
        using var full = Prepare(connection, transaction, table, rowsPerBatch);
        var batch = new List<object?[]>(rowsPerBatch);
        foreach (var row in table.Rows())
        {
            batch.Add(row);
            if (batch.Count == rowsPerBatch)
            {
                Run(full, batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            using var rest = Prepare(connection, transaction, table, batch.Count);
            Run(rest, batch);
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, TableLoad table, int rows)
    {
        var width = table.Columns.Count;
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"$p{(r * width) + c}")) + ")"));
        var command = new SqliteCommand($"INSERT INTO \"{table.Table}\" ({columns}) VALUES {values}", connection, transaction);
        for (var p = 0; p < rows * width; p++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{p}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, List<object?[]> rows)
    {
        var p = 0;
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                command.Parameters[p++].Value = ToSqlite(value);
            }
        }

        command.ExecuteNonQuery();
    }

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => TimeConverter.ConvertToProvider(t)!,
        bool b => b ? 1L : 0L,
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        string[] list => JsonSerializer.Serialize(list),
        _ => value,
    };

    private static async Task MigrateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<CareDeskDbContext>()
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("CareDesk.Migrations.Sqlite"))
            .Options;
        await using var db = new CareDeskDbContext(options);
        await db.Database.MigrateAsync();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
