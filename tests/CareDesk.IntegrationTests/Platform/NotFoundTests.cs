using System.Net;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>Unknown addresses: the desktop answers 404 with its not-found page, the API with a ProblemDetails.</summary>
public sealed class NotFoundTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task An_unknown_desktop_address_answers_404_with_the_not_found_page_in_the_users_language()
    {
        var agent = await app.CreateCookieClientAsync(UserSeeder.DemoEmail(Roles.Agent), DemoOptions.Password);

        var response = await agent.GetAsync("/no-such-page/at-all");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"not-found\"", page, StringComparison.Ordinal);
        Assert.Contains("页面不存在", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_address_answers_404_with_a_problem()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var response = await agent.GetAsync("/api/no-such-resource");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
