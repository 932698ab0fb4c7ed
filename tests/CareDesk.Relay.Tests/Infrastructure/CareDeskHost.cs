using System.Net;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Relay.Tests.Infrastructure;

/// <summary>
/// The real CareDesk host on Kestrel at a fixed loopback port, in demo mode, on a SQLite file that outlives it: stop it
/// and start another on the same port and file, and the relay sees CareDesk restart.
/// </summary>
public sealed class CareDeskHost(int port, string databaseFile, WebhookRecorder recorder) : WebApplicationFactory<Program>
{
    public const string Secret = "demo-telephony-secret";

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");

    public static CareDeskHost Start(int port, string databaseFile, WebhookRecorder recorder)
    {
        var host = new CareDeskHost(port, databaseFile, recorder);
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        // Runs the entry point: migrations and demo seeding happen before the server accepts requests.
        host.StartServer();
        return host;
    }

    /// <summary>A short-lived context on the host's database.</summary>
    public async Task<T> WithDbAsync<T>(Func<CareDeskDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databaseFile};Pooling=False");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Telephony:WebhookSecret", Secret);
        builder.ConfigureServices(services => services.AddSingleton(recorder.StartupFilter()));
    }
}
