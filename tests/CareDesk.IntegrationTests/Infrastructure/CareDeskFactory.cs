using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// The real CareDesk host on its own fresh database, in demo mode (one user per role).
/// One per test class (<c>IClassFixture</c>); tests in a class share the database, so they create their own data.
/// A host whose clock a test moves belongs to that test alone (<see cref="HostPerTest{THost}"/>): a shared host's
/// clock must stand still, or one test's time would be another's, and disposing it says so.
/// </summary>
public class CareDeskFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Settings a subclass wants on top of the defaults (key → value, as in configuration).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Set to drive time by hand; the host then sees only this clock.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>
    /// Set to start this host on a database that already exists (a second node, or the same node after a restart)
    /// instead of a fresh one; whoever created it keeps owning it and drops it.
    /// </summary>
    public TestDatabase? ExistingDatabase { get; init; }

    /// <summary>Set when one test owns this host (and may move its clock); a class fixture leaves it unset.</summary>
    public bool OwnedByOneTest { get; init; }

    private DateTimeOffset? clockAtStart;

    public virtual async Task InitializeAsync()
    {
        clockAtStart = Clock?.GetUtcNow();
        database = ExistingDatabase ?? await TestDatabase.CreateAsync();
        // Building the server runs the entry point: migrations and seeding happen here.
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null && ExistingDatabase is null)
        {
            await database.DisposeAsync();
        }

        if (!OwnedByOneTest && Clock is not null && Clock.GetUtcNow() != clockAtStart)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} was shared by the tests of a class and its clock moved from {clockAtStart:O} to {Clock.GetUtcNow():O}: "
                + $"tests that move the clock take a host of their own (derive the class from {nameof(HostPerTest<>)}<{GetType().Name}>).");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("Outbox:InitialBackoff", "00:00:00.050");
        // Every test signs in many times from one address: throttling is tested by hosts that set their own limits.
        builder.UseSetting("SignIn:PerClientLimit", "100000");
        builder.UseSetting("SignIn:PerAccountFailureLimit", "100000");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    /// <summary>A client signed in with a bearer token as the demo user of <paramref name="role"/>.</summary>
    public async Task<HttpClient> CreateClientForRoleAsync(string role) =>
        await CreateClientForAsync(UserSeeder.DemoEmail(role), DemoOptions.Password);

    public async Task<HttpClient> CreateClientForAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A short-lived context on the test database, with the audit trail of a system actor.</summary>
    public async Task<T> WithDbAsync<T>(Func<CareDeskDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CareDesk.Platform.Audit.AuditContext>().SetSystem("test");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        return await action(db);
    }

    public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);

    /// <summary>Requests carrying <see cref="Header"/> come from that IP address, so a test can be several clients.</summary>
    public sealed class TestClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
