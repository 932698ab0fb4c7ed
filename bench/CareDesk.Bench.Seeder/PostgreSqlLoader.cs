using System.Diagnostics;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareDesk.Bench.Seeder;

/// <summary>
/// PostgreSQL: binary COPY per table. Secondary indexes are dropped first and rebuilt once at the end (one sorted
/// build is far cheaper than millions of random B-tree inserts); foreign-key triggers are skipped for this session
/// only (session_replication_role = replica), which is safe because the generator's keys are consistent by
/// construction; the primary keys stay and still reject duplicates.
/// </summary>
internal static class PostgreSqlLoader
{
    public static async Task LoadAsync(string connectionString, SyntheticPopulation population, Action<string, TimeSpan> report)
    {
        var watch = Stopwatch.StartNew();
        await MigrateAsync(connectionString);
        report("migrate", watch.Elapsed);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var check = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM people)", connection))
        {
            if ((bool)(await check.ExecuteScalarAsync())!)
            {
                throw new InvalidOperationException("The people table is not empty: seed a fresh database.");
            }
        }

        await ExecuteAsync(connection, CatalogSql.Insert);
        await BulkLoadAsync(connection, population.Tables().ToList(), watch, report);
    }

    /// <summary>Adds the cases, timelines and contacts of <paramref name="cases"/> to a seeded population.</summary>
    public static async Task LoadCasesAsync(string connectionString, Func<IReadOnlyList<string>, IReadOnlyList<string>, string, SyntheticCases> cases, Action<string, TimeSpan> report)
    {
        var watch = Stopwatch.StartNew();
        await MigrateAsync(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var users = await ReadAsync(connection, $"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Id\" NOT LIKE '{SyntheticCases.StaffPrefix}%' ORDER BY \"Id\"");
        var teams = await ReadAsync(connection, "SELECT \"Id\" FROM teams ORDER BY \"Id\"");
        var agent = await ReadAsync(connection, $"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = '{SyntheticCases.DemoAgent}'");
        if (agent.Count == 0 || teams.Count == 0 || (await ReadAsync(connection, "SELECT 'x' FROM cases LIMIT 1")).Count > 0)
        {
            throw new InvalidOperationException(SyntheticCases.NotReady);
        }

        await BulkLoadAsync(connection, cases(users, teams, agent[0]).Tables().ToList(), watch, report);
    }

    private static async Task<List<string>> ReadAsync(NpgsqlConnection connection, string sql)
    {
        var values = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task BulkLoadAsync(NpgsqlConnection connection, List<TableLoad> tables, Stopwatch watch, Action<string, TimeSpan> report)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE 'PK\\_%'",
            connection))
        {
            list.Parameters.AddWithValue(tables.Select(t => t.Table).ToArray());
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        await ExecuteAsync(connection, "SET session_replication_role = replica");
        foreach (var table in tables)
        {
            var started = watch.Elapsed;
            Copy(connection, table);
            report($"copy {table.Table} ({table.CountText} rows)", watch.Elapsed - started);
        }

        await ExecuteAsync(connection, "SET session_replication_role = origin");
        var indexing = watch.Elapsed;
        await ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'");
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition);
        }

        report($"rebuild {indexes.Count} indexes", watch.Elapsed - indexing);
        var analyzing = watch.Elapsed;
        await ExecuteAsync(connection, "ANALYZE");
        report("analyze", watch.Elapsed - analyzing);
        report("total", watch.Elapsed);
    }

    private static void Copy(NpgsqlConnection connection, TableLoad table)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        using var importer = connection.BeginBinaryImport($"COPY \"{table.Table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in table.Rows())
        {
            importer.StartRow();
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } value)
                {
                    importer.Write(value, table.Columns[c].Type);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }

        importer.Complete();
    }

    private static async Task MigrateAsync(string connectionString)
    {
        // The app's own migrations assembly, as the host applies it at start-up.
        var options = new DbContextOptionsBuilder<CareDeskDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly("CareDesk.Migrations.PostgreSql"))
            .Options;
        await using var db = new CareDeskDbContext(options);
        await db.Database.MigrateAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
