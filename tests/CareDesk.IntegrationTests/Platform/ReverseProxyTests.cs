using System.Net;
using System.Net.Http.Json;
using CareDesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// Two nodes behind nginx (docs/operations.md): the browser's scheme and address come from the X-Forwarded-* headers of
/// the proxies in <c>ReverseProxy:TrustedProxies</c>, and only theirs.
/// </summary>
public sealed class ReverseProxyTests(ReverseProxyTests.ProxiedHost app) : IClassFixture<ReverseProxyTests.ProxiedHost>
{
    private const string Proxy = "10.9.0.1";
    private const int PerClient = 3;

    public sealed class ProxiedHost : CareDeskFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ReverseProxy:TrustedProxies:0"] = Proxy,
            ["ReverseProxy:TrustedProxies:1"] = "10.8.0.0/24",
            ["SignIn:PerClientLimit"] = PerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:PerClientWindow"] = "01:00:00",
        };
    }

    [Theory]
    [InlineData(Proxy, true)]
    [InlineData("10.8.0.7", true)]
    [InlineData("10.9.0.2", false)]
    public async Task Cookies_are_secure_when_a_trusted_proxy_forwards_https_and_only_then(string sender, bool secure)
    {
        var browser = ClientFrom(sender);
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await browser.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Equal(secure, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Desks_behind_the_proxy_are_limited_each_by_their_own_address_which_no_one_else_can_forge()
    {
        var throttled = $"198.51.100.{Random.Shared.Next(1, 250)}";
        var desk = ClientFrom(Proxy);
        desk.DefaultRequestHeaders.Add("X-Forwarded-For", throttled);
        for (var attempt = 0; attempt < PerClient; attempt++)
        {
            await SignInAsync(desk);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(desk));

        // Another desk through the same proxy is another client.
        var otherDesk = ClientFrom(Proxy);
        otherDesk.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(otherDesk));

        // A client reaching the node directly is its own address, whatever it claims to forward.
        var direct = ClientFrom("10.9.0.3");
        direct.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        for (var attempt = 0; attempt < PerClient; attempt++)
        {
            await SignInAsync(direct);
        }

        direct.DefaultRequestHeaders.Remove("X-Forwarded-For");
        direct.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.11");
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(direct));
    }

    private HttpClient ClientFrom(string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(CareDeskFactory.TestClientAddress.Header, address);
        return client;
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client) =>
        (await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@proxy.test", password = "wrong" })).StatusCode;
}
