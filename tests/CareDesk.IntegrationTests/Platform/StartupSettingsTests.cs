using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>A bad setting stops start-up with a message naming it, before the database is touched.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Outbox:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Outbox:MaxBackoff", "00:00:01", "Outbox:MaxBackoff")]
    [InlineData("Api:MaxRequestBodyBytes", "10", "MaxRequestBodyBytes")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Outbox:MaxAtempts", "3", "MaxAtempts")]
    [InlineData("Localization:DefaultLanguage", "fr", "Localization:DefaultLanguage")]
    [InlineData("Cases:NumberStyle", "Roman", "Cases:NumberStyle")]
    [InlineData("ReverseProxy:TrustedProxies:0", "nginx", "ReverseProxy:TrustedProxies")]
    public async Task A_bad_setting_stops_start_up_naming_it(string key, string value, string named)
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var host = new HostWithSetting(database, key, value);

        var error = Record.Exception(() => host.Server);

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains(named, messages, StringComparison.Ordinal);
        Assert.Empty(await AppliedMigrationsAsync(database));
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private static async Task<List<string>> AppliedMigrationsAsync(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<CareDeskDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString });
        await using var db = new CareDeskDbContext(options.Options);
        return [.. await db.Database.GetAppliedMigrationsAsync()];
    }

    private sealed class HostWithSetting(TestDatabase database, string key, string value) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("Database:ConnectionString", database.ConnectionString);
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting(key, value);
        }
    }
}
