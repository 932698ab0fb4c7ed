using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareDesk.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareDesk.Platform.Operations;

/// <summary>
/// Backs up a running instance into a directory and restores such a directory into an empty instance
/// (docs/operations.md, "Backup and restore"): the database as one consistent copy taken while writes go on (SQLite's
/// online backup API; <c>pg_dump --format=custom</c> on PostgreSQL), then every <see cref="BackedUpDirectory"/>.
/// </summary>
public sealed class InstanceBackup(
    IOptions<DatabaseOptions> database,
    IEnumerable<BackedUpDirectory> directories,
    IServiceProvider services,
    IDbContextFactory<CareDeskDbContext> factory,
    TimeProvider clock,
    ILogger<InstanceBackup> logger)
{
    public const string ManifestFile = "backup.json";
    public const string SqliteFile = "database.sqlite";
    public const string PostgreSqlFile = "database.pgdump";
    public const string FilesFolder = "files";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>What a backup holds, written last: a directory without it is an unfinished backup.</summary>
    public sealed record Manifest(DatabaseProvider Provider, DateTimeOffset TakenAt, string? LastMigration, IReadOnlyDictionary<string, int> Files);

    private DatabaseOptions Settings => database.Value;

    public async Task BackupAsync(string directory, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(directory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"{target} is not empty: back up into a new directory.");
        }

        Directory.CreateDirectory(target);
        var takenAt = clock.GetUtcNow();
        string? lastMigration;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            lastMigration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        }

        // The database first: a recording's file is stored before its contact row is saved and is never changed, so the
        // files copied after the database hold every file the copied rows name.
        if (Settings.Provider == DatabaseProvider.PostgreSql)
        {
            await RunPostgreSqlToolAsync("pg_dump", ["--format=custom", "--file", Path.Combine(target, PostgreSqlFile)], cancellationToken);
        }
        else
        {
            await using var source = new SqliteConnection(WithoutPooling(Settings.ConnectionString));
            await using var copy = new SqliteConnection(WithoutPooling($"Data Source={Path.Combine(target, SqliteFile)}"));
            await source.OpenAsync(cancellationToken);
            await copy.OpenAsync(cancellationToken);
            // One consistent snapshot of the whole file; writers go on meanwhile (WAL: readers never block them).
            source.BackupDatabase(copy);
        }

        var files = new Dictionary<string, int>();
        foreach (var stored in directories)
        {
            files[stored.Name] = CopyFiles(stored.PathOf(services), Path.Combine(target, FilesFolder, stored.Name), overwrite: true);
        }

        var manifest = new Manifest(Settings.Provider, takenAt, lastMigration, files);
        await File.WriteAllTextAsync(Path.Combine(target, ManifestFile), JsonSerializer.Serialize(manifest, Json), cancellationToken);
        logger.LogInformation("Backed up the {Provider} database (schema {Migration}) and {Files} stored file(s) to {Directory}",
            Settings.Provider, lastMigration, files.Values.Sum(), target);
    }

    public async Task RestoreAsync(string directory, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(source, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException($"{source} holds no {ManifestFile}: not a backup, or one that did not finish.");
        }

        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), Json)
            ?? throw new BackupException($"{manifestPath} is empty.");
        if (manifest.Provider != Settings.Provider)
        {
            throw new BackupException($"The backup is of a {manifest.Provider} database; this instance is configured for {Settings.Provider} (Database__Provider).");
        }

        if (Settings.Provider == DatabaseProvider.PostgreSql)
        {
            await EnsureEmptyPostgreSqlAsync(cancellationToken);
            // The restoring role owns what it creates: the backup may come from a server with other role names.
            await RunPostgreSqlToolAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", PostgreSqlTarget.Database!, Path.Combine(source, PostgreSqlFile)], cancellationToken);
        }
        else
        {
            await using var target = new SqliteConnection(WithoutPooling(Settings.ConnectionString));
            var file = new SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await target.OpenAsync(cancellationToken);
            await using (var tables = target.CreateCommand())
            {
                tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
                if (Convert.ToInt64(await tables.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    throw new BackupException($"The database {file} is not empty: restore into a new, empty database.");
                }
            }

            await using var backup = new SqliteConnection(WithoutPooling($"Data Source={Path.Combine(source, SqliteFile)};Mode=ReadOnly"));
            await backup.OpenAsync(cancellationToken);
            backup.BackupDatabase(target);
        }

        var restored = 0;
        foreach (var stored in directories)
        {
            var from = Path.Combine(source, FilesFolder, stored.Name);
            if (Directory.Exists(from))
            {
                restored += CopyFiles(from, stored.PathOf(services), overwrite: false);
            }
        }

        logger.LogInformation("Restored the {Provider} database (schema {Migration}, taken {TakenAt:O}) and {Files} stored file(s) from {Directory}",
            manifest.Provider, manifest.LastMigration, manifest.TakenAt, restored, source);
    }

    private NpgsqlConnectionStringBuilder PostgreSqlTarget => new(Settings.ConnectionString);

    private async Task EnsureEmptyPostgreSqlAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var tables = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        if ((long)(await tables.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            throw new BackupException($"The database {connection.Database} is not empty: restore into a new, empty database (createdb).");
        }
    }

    /// <summary>
    /// Runs pg_dump or pg_restore (the first on PATH: put the server's version first) on the configured database; the
    /// connection goes in libpq's environment variables, so the password never shows in a process list.
    /// </summary>
    private async Task RunPostgreSqlToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var settings = PostgreSqlTarget;
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = settings.Database;
        start.Environment["PGUSER"] = settings.Username;
        start.Environment["PGPASSWORD"] = settings.Password;
        start.Environment["PGSSLMODE"] = settings.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new BackupException($"{tool} could not be started ({missing.Message}): install the PostgreSQL client of the server's version and put it on PATH.");
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await output;
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} failed with exit code {process.ExitCode}: {(await errors).Trim()}");
            }
        }
    }

    // Skips what is being written (an upload's temporary ".upload-…" file); restore never overwrites a file already there.
    private static int CopyFiles(string from, string to, bool overwrite)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }

        Directory.CreateDirectory(to);
        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue;
            }

            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            if (!overwrite && File.Exists(destination))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite);
            copied++;
        }

        return copied;
    }

    private static string WithoutPooling(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}
