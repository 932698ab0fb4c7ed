using CareDesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Platform;

public sealed class DatabaseTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_this_providers_migrations()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pending, $"The model changed without a migration for {app.Database.Provider}: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task Start_up_applies_every_migration_on_the_configured_provider()
    {
        var (provider, pending) = await app.WithDbAsync(async db =>
            (db.Database.ProviderName, (await db.Database.GetPendingMigrationsAsync()).ToList()));

        Assert.Empty(pending);
        Assert.Contains(app.Database.Provider == CareDesk.Platform.Data.DatabaseProvider.PostgreSql ? "Npgsql" : "Sqlite", provider);
    }

    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing_and_loses_nothing()
    {
        var before = await app.WithDbAsync(async db => (Users: await db.Users.CountAsync(), People: await db.People.CountAsync(), Devices: await db.Devices.CountAsync()));

        await using var second = new SecondHost(app.Database);
        _ = second.Server;
        var after = await app.WithDbAsync(async db => (Users: await db.Users.CountAsync(), People: await db.People.CountAsync(), Devices: await db.Devices.CountAsync()));

        Assert.Equal(7, before.Users);
        Assert.Equal(6, before.People);
        Assert.Equal(4, before.Devices);
        Assert.Equal(before, after);
    }

    /// <summary>A second host on the first one's database, as after a restart.</summary>
    private sealed class SecondHost(TestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("Database:ConnectionString", database.ConnectionString);
            builder.UseSetting("Demo:Enabled", "true");
        }
    }
}
