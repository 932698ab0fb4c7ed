using System.Net;
using System.Net.Http.Json;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// Sign-in throttling with small limits and windows of an hour (nothing refills during a test). Each test plays
/// clients of its own made-up IP addresses, so the tests of this class never share a counter.
/// </summary>
public sealed class SignInThrottlingTests(SignInThrottlingTests.ThrottledHost app) : IClassFixture<SignInThrottlingTests.ThrottledHost>
{
    private const int PerClient = 8;
    private const int PerAccountFailures = 3;
    private const int LockoutFailures = 5;

    public sealed class ThrottledHost : CareDeskFactory
    {
        public CountingPasswordHasher Hasher { get; } = new();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["SignIn:PerClientLimit"] = PerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:PerClientWindow"] = "01:00:00",
            ["SignIn:PerAccountFailureLimit"] = PerAccountFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:PerAccountWindow"] = "01:00:00",
            ["SignIn:LockoutFailures"] = LockoutFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:LockoutDuration"] = "01:00:00",
        };

        /// <summary>Every client, also the admin that sets a test up, is a client of its own unless a test says otherwise.</summary>
        protected override void ConfigureClient(HttpClient client)
        {
            base.ConfigureClient(client);
            client.DefaultRequestHeaders.Add(TestClientAddress.Header, NewAddress());
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IPasswordHasher<User>>();
                services.AddSingleton<IPasswordHasher<User>>(Hasher);
            });
        }
    }

    /// <summary>Identity's hasher, counting the password checks it makes.</summary>
    public sealed class CountingPasswordHasher : PasswordHasher<User>
    {
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public override PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task A_client_posting_too_many_sign_ins_gets_429_with_retry_after_while_other_clients_do_not()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Agent);
        var client = Client(NewAddress());
        for (var attempt = 0; attempt < PerClient; attempt++)
        {
            await (await client.LoginAsync($"nobody-{attempt}@test.caredesk", "Wrong-password-1")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var refused = await client.LoginAsync(user.Email, user.Password);

        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names a wait");
        await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "x" })).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await Client(NewAddress()).LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task Failures_for_one_account_throttle_that_client_for_that_account_and_never_lock_out_the_owner()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Agent);
        var attacker = Client(NewAddress());
        for (var attempt = 0; attempt < PerAccountFailures; attempt++)
        {
            await (await attacker.LoginAsync(user.Email, "Wrong-password-1")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var hashedBefore = app.Hasher.Verifications;
        var throttled = await attacker.LoginAsync(user.Email, user.Password);
        var stillThrottled = await attacker.LoginAsync(user.Email, "Wrong-password-1");

        await throttled.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
        await stillThrottled.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(hashedBefore, app.Hasher.Verifications);

        // The owner, from their own address, is neither throttled nor locked: one client cannot reach the lockout.
        Assert.Equal(HttpStatusCode.OK, (await Client(NewAddress()).LoginAsync(user.Email, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.LoginAsync("someone-else@test.caredesk", "Wrong-password-1")).StatusCode);
    }

    [Fact]
    public async Task The_account_locks_only_after_failures_from_several_clients()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Agent);
        var clients = Enumerable.Range(0, LockoutFailures).Select(_ => Client(NewAddress())).ToList();
        for (var attempt = 0; attempt < LockoutFailures; attempt++)
        {
            // Two failures per client, below the per-client limit for the account.
            await (await clients[attempt / 2].LoginAsync(user.Email, "Wrong-password-1")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await Client(NewAddress()).LoginAsync(user.Email, user.Password)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_or_disabled_account_costs_a_password_check_like_a_known_one()
    {
        var (admin, disabled, view) = await app.CreateFreshUserAsync(Roles.Agent);
        await admin.DisableAsync(view.Id);
        var client = Client(NewAddress());

        foreach (var email in new[] { "nobody-at-all@test.caredesk", disabled.Email })
        {
            var before = app.Hasher.Verifications;
            await (await client.LoginAsync(email, "Wrong-password-1")).ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.True(app.Hasher.Verifications - before == 1, $"{email}: {app.Hasher.Verifications - before} password checks");
        }
    }

    [Fact]
    public async Task The_sign_in_form_is_throttled_per_account_too()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Agent);
        var address = NewAddress();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Remove(CareDeskFactory.TestClientAddress.Header);
        browser.DefaultRequestHeaders.Add(CareDeskFactory.TestClientAddress.Header, address);
        for (var attempt = 0; attempt < PerAccountFailures; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.SignInWithFormAsync(user.Email, "Wrong-password-1")).StatusCode);
        }

        var throttled = await browser.SignInWithFormAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter?.Delta);
    }

    private static int nextAddress;

    internal static string NewAddress()
    {
        var n = Interlocked.Increment(ref nextAddress);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    private HttpClient Client(string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Remove(CareDeskFactory.TestClientAddress.Header);
        client.DefaultRequestHeaders.Add(CareDeskFactory.TestClientAddress.Header, address);
        return client;
    }
}
