using System.Diagnostics;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareDesk.Bench.Seeder;

/// <summary>
/// PostgreSQL: binary COPY per table, streamed from the generator. Secondary indexes (and primary keys no foreign key
/// uses) are dropped first and rebuilt once at the end (one sorted build is far cheaper than millions of random B-tree
/// inserts); into a fresh database the rows are COPYed frozen; foreign-key triggers are skipped for this session
/// only (session_replication_role = replica), which is safe because the generator's keys are consistent by
/// construction; primary keys reject duplicates during the load or, those rebuilt, when they are added back.
/// </summary>
internal static class PostgreSqlLoader
{
    private const long ProgressFrom = 5_000_000;

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
        var names = tables.Select(t => t.Table).ToArray();
        var indexes = await ReadPairsAsync(connection,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE 'PK\\_%'",
            names);
        // Primary keys no foreign key leans on (person_search_terms: ~28 rows a person) are rebuilt after the load too:
        // a sorted build beats maintaining the B-tree row by row, and it still rejects a duplicate, at the end.
        var keys = await ReadPairsAsync(connection,
            """
            SELECT c.conrelid::regclass::text || ' ADD CONSTRAINT "' || c.conname || '"', pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'p' AND c.conrelid::regclass::text = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)
            """,
            names.Select(n => $"\"{n}\"").Concat(names).ToArray());
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        foreach (var (constraint, _) in keys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {constraint.Replace(" ADD CONSTRAINT ", " DROP CONSTRAINT ", StringComparison.Ordinal)}");
        }

        await ExecuteAsync(connection, "SET session_replication_role = replica");
        // COPY … FREEZE into tables emptied in the same transaction: rows are written frozen and all-visible (no
        // VACUUM pass over tens of GB before index-only scans stop visiting the heap) and, on a cluster with
        // wal_level = minimal (bench/people10m), not written to the WAL at all. Only when every table that would be
        // emptied is empty already, as in a freshly migrated database; otherwise a plain COPY and VACUUM do the same.
        var freeze = await AllEmptyAsync(connection, names);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            if (freeze is not null)
            {
                await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", freeze)}");
            }

            foreach (var table in tables)
            {
                var started = watch.Elapsed;
                Copy(connection, table, freeze is not null, watch, report);
                report($"copy {table.Table} ({table.CountText} rows){(freeze is null ? "" : ", frozen")}", watch.Elapsed - started);
            }

            await transaction.CommitAsync();
        }

        await ExecuteAsync(connection, "SET session_replication_role = origin");
        var indexing = watch.Elapsed;
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
        foreach (var (constraint, definition) in keys)
        {
            var started = watch.Elapsed;
            await ExecuteAsync(connection, $"ALTER TABLE {constraint} {definition}");
            report($"  primary key {constraint.Split('"')[^2]}", watch.Elapsed - started);
        }

        foreach (var (name, definition) in indexes)
        {
            var started = watch.Elapsed;
            await ExecuteAsync(connection, definition);
            report($"  index {name}", watch.Elapsed - started);
        }

        report($"rebuild {indexes.Count} indexes, {keys.Count} primary keys", watch.Elapsed - indexing);
        var analyzing = watch.Elapsed;
        // VACUUM as well as ANALYZE: it finds frozen pages already all-visible and skips them; after a plain COPY it
        // sets the visibility map, and it resets the insert counters that would start an autovacuum mid-measurement.
        await ExecuteAsync(connection, "VACUUM (ANALYZE)");
        report($"vacuum analyze (database {await ScalarAsync(connection, "SELECT pg_size_pretty(pg_database_size(current_database()))")})", watch.Elapsed - analyzing);
        report("total", watch.Elapsed);
    }

    /// <summary>The tables to empty for COPY FREEZE (the loaded ones and every table that references them, transitively), or null when one of them holds rows.</summary>
    private static async Task<List<string>?> AllEmptyAsync(NpgsqlConnection connection, string[] tables)
    {
        var closure = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            WITH RECURSIVE referencing(rel) AS (
              SELECT c.oid FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1)
              UNION
              SELECT f.conrelid FROM pg_constraint f JOIN referencing r ON f.confrelid = r.rel WHERE f.contype = 'f')
            SELECT rel::regclass::text FROM referencing
            """,
            connection))
        {
            command.Parameters.AddWithValue(tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                closure.Add(reader.GetString(0));
            }
        }

        foreach (var table in closure)
        {
            if ((bool)(await ScalarAsync(connection, $"SELECT EXISTS (SELECT 1 FROM {table})"))!)
            {
                return null;
            }
        }

        return closure;
    }

    private static async Task<List<(string, string)>> ReadPairsAsync(NpgsqlConnection connection, string sql, string[] parameter)
    {
        var pairs = new List<(string, string)>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync();
    }

    private static void Copy(NpgsqlConnection connection, TableLoad table, bool freeze, Stopwatch watch, Action<string, TimeSpan> report)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        using var importer = connection.BeginBinaryImport(
            $"COPY \"{table.Table}\" ({columns}) FROM STDIN (FORMAT BINARY{(freeze ? ", FREEZE" : "")})");
        importer.Timeout = TimeSpan.Zero;
        // A line every tenth of a large table, so a 10 M load shows it is moving.
        var step = table.Count >= ProgressFrom ? table.Count / 10 : long.MaxValue;
        var started = watch.Elapsed;
        long rows = 0;
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

            if (++rows % step == 0)
            {
                report($"  {table.Table}: {rows:N0} rows", watch.Elapsed - started);
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
