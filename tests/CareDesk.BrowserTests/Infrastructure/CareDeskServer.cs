using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.BrowserTests.Infrastructure;

/// <summary>
/// The real CareDesk host on Kestrel, on a free loopback port, in demo mode on its own fresh SQLite file.
/// A browser needs a real socket: the in-memory TestServer of the integration tests is not reachable from Chromium.
/// </summary>
public sealed class CareDeskServer : WebApplicationFactory<Program>
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"caredesk-browser-{Guid.NewGuid():N}.db");

    /// <summary>Where this server keeps uploaded recordings (deleted with it).</summary>
    public string RecordingsDirectory { get; } = Path.Combine(Path.GetTempPath(), $"caredesk-browser-recordings-{Guid.NewGuid():N}");

    /// <summary>Where this server keeps uploaded customer lists until their import is done (deleted with it).</summary>
    public string ImportsDirectory { get; } = Path.Combine(Path.GetTempPath(), $"caredesk-browser-imports-{Guid.NewGuid():N}");

    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        // Port 0: the OS picks a free port, so parallel runs on one machine never collide.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        // Runs the entry point: migrations and demo seeding happen before the server accepts requests.
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, a host run from build output (not publish) serves its static assets as empty
        // files: no blazor.web.js, no circuit, no interactivity. Serve them from the build's manifest instead.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databaseFile};Pooling=False");
        builder.UseSetting("Demo:Enabled", "true");
        // Every flow signs in from this one address; throttling is tested in the integration tests.
        builder.UseSetting("SignIn:PerClientLimit", "100000");
        builder.UseSetting("Contacts:RecordingsDirectory", RecordingsDirectory);
        builder.UseSetting("Imports:StorageDirectory", ImportsDirectory);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
        }

        foreach (var directory in new[] { RecordingsDirectory, ImportsDirectory })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
