using System.Net;
using System.Net.Http.Json;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>What a browser is told on every response, and what the sign-in cookie may and may not do under <c>/api</c>.</summary>
public sealed class BrowserSecurityTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/me")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_browser_security_headers(string path)
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_only_inline_script_the_import_map_carries_the_nonce_of_its_response()
    {
        var response = await app.CreateClient().GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-(?<n>[^']+)'").Groups["n"].Value;
        Assert.False(string.IsNullOrEmpty(nonce));
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        var second = await app.CreateClient().GetAsync("/account/login");
        Assert.DoesNotContain($"'nonce-{nonce}'", Header(second, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public void Kestrel_sends_no_server_header() =>
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    [Fact]
    public async Task A_cross_site_post_with_only_the_sign_in_cookie_cannot_create_a_person()
    {
        var browser = await app.CreateCookieClientAsync(TestUsers.DemoEmail(Roles.Agent), DemoOptions.Password);
        var name = $"Forged {Guid.NewGuid():N}"[..20];

        var json = await browser.PostAsJsonAsync("/api/people", new { name, kind = "patient" });
        var form = await browser.PostAsync("/api/people", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["kind"] = "patient" }));
        var plain = await browser.PostAsync("/api/people", new StringContent($$"""{"name":"{{name}}","kind":"patient"}""", System.Text.Encoding.UTF8, "text/plain"));

        await json.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(form.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType });
        Assert.Contains(plain.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType });
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.DisplayName == name)));
        await (await browser.GetAsync("/api/people?q=Forged")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_recording_player_reads_with_the_cookie_and_nothing_else_does()
    {
        var browser = await app.CreateCookieClientAsync(TestUsers.DemoEmail(Roles.Agent), DemoOptions.Password);
        var contact = Guid.NewGuid();

        // Signed in (404: no such contact), not turned away (401).
        await (await browser.GetAsync($"/api/contacts/{contact}/recording")).ProblemAsync(HttpStatusCode.NotFound);
        await (await browser.PostAsync($"/api/contacts/{contact}/recording", new MultipartFormDataContent())).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_download_links_of_the_campaign_and_import_pages_read_with_the_cookie()
    {
        var browser = await app.CreateCookieClientAsync(TestUsers.DemoEmail(Roles.Supervisor), DemoOptions.Password);

        // Signed in (404: no such campaign or import), not turned away (401) as any other API read by cookie is.
        await (await browser.GetAsync($"/api/campaigns/{Guid.NewGuid()}/export?format=xlsx")).ProblemAsync(HttpStatusCode.NotFound);
        await (await browser.GetAsync($"/api/imports/{Guid.NewGuid()}/rejected.xlsx")).ProblemAsync(HttpStatusCode.NotFound);
        await (await browser.GetAsync($"/api/imports/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cookies_are_secure_over_https_and_plain_over_http()
    {
        var overHttps = await app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false })
            .SignInWithFormAsync(TestUsers.DemoEmail(Roles.Agent), DemoOptions.Password);
        var overHttp = await app.CreateClient(new() { AllowAutoRedirect = false })
            .SignInWithFormAsync(TestUsers.DemoEmail(Roles.Agent), DemoOptions.Password);

        var secure = overHttps.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(secure, c => c.StartsWith("CareDesk.Auth=", StringComparison.Ordinal));
        Assert.All(secure, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.All(overHttp.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_antiforgery_cookie_of_the_sign_in_form_is_secure_over_https()
    {
        var page = await app.CreateClient(new() { BaseAddress = new Uri("https://localhost") }).GetAsync("/account/login");

        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
