using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>The host's commands as an upgrade runs them (docs/operations.md, "Upgrade"): a process with settings in its environment.</summary>
public sealed class HostCommandTests
{
    [Fact]
    public async Task Migrate_brings_an_empty_database_to_this_release_and_exits_even_where_nodes_do_not_migrate_at_start()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var recordings = Path.Combine(Path.GetTempPath(), $"caredesk-migrate-{Guid.NewGuid():N}");
        var settings = HostProcess.SettingsFor(database, recordings);
        settings["Database__MigrateOnStartup"] = "false";

        var run = await HostProcess.RunHostAsync(["migrate"], settings);

        Assert.True(run.ExitCode == 0, run.Output);
        await using var db = ContextOn(database);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        // Reference data is seeded by the same step, so the first node starts on a complete database.
        Assert.True(await db.Teams.AnyAsync());
    }

    [Fact]
    public async Task An_unknown_command_exits_with_2_naming_the_commands_and_touches_no_database()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        var run = await HostProcess.RunHostAsync(["migrat"], HostProcess.SettingsFor(database, Path.GetTempPath()));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("migrate | backup <directory> | restore <directory>", run.Output, StringComparison.Ordinal);
        await using var db = ContextOn(database);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    private static CareDeskDbContext ContextOn(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<CareDeskDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString });
        return new CareDeskDbContext(options.Options);
    }
}
