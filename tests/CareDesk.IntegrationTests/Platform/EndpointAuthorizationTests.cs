using System.Net;
using CareDesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// Every endpoint and page of the running host states its policy; anonymous access is an explicit, reviewed choice.
/// A new endpoint without <c>RequireAuthorization</c>/<c>[Authorize]</c> or <c>AllowAnonymous</c> fails here.
/// </summary>
public sealed class EndpointAuthorizationTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    /// <summary>The endpoints anyone may call, by route pattern, and why. Add to it only with a reason.</summary>
    private static readonly Dictionary<string, string> AnonymousAllowList = new(StringComparer.Ordinal)
    {
        ["/api/auth/login"] = "sign-in",
        ["/api/auth/refresh"] = "sign-in: the refresh token is the credential",
        ["/account/login"] = "the sign-in page",
        ["/account/access-denied"] = "tells a signed-in user they lack a role; shows nothing else",
        ["/not-found"] = "the status page every unknown UI address re-executes to",
        ["/account/language"] = "the language switch of the sign-in page (antiforgery-protected form post)",
        ["/health/live"] = "health: for the orchestrator",
        ["/health/ready"] = "health: for the load balancer",
        ["/openapi/{documentName}.json"] = "the OpenAPI document",
        ["/api/reference/scalar.js"] = "script of the API reference page (the page itself requires staff)",
        ["/api/reference/scalar.aspnetcore.js"] = "script of the API reference page (the page itself requires staff)",
        ["/api/reference/favicon.svg"] = "icon of the API reference page (the page itself requires staff)",
        ["/api/telephony/events"] = "the phone system's webhook: it proves itself with an HMAC signature of the body and a fresh timestamp",
    };

    /// <summary>Endpoints allowed to carry no authorization metadata at all: the fallback policy (staff) guards them.</summary>
    private static readonly Dictionary<string, string> WithoutMetadataAllowList = new(StringComparer.Ordinal)
    {
        ["{**path:file}"] = "MapStaticAssets' development fallback for files added after the build (absent when published)",
    };

    private IReadOnlyList<RouteEndpoint> Endpoints =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    [Fact]
    public void The_enumeration_sees_api_endpoints_blazor_pages_the_circuit_hub_and_static_assets()
    {
        var endpoints = Endpoints;

        Assert.Contains(endpoints, e => Pattern(e) == "/api/users/");
        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null);
        Assert.Contains(endpoints, e => Pattern(e) == "/_blazor");
        Assert.Contains(endpoints, IsStaticAsset);
    }

    [Fact]
    public void Every_endpoint_states_its_policy()
    {
        var silent = Endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !WithoutMetadataAllowList.ContainsKey(Pattern(e)))
            .Select(Describe)
            .ToList();

        Assert.True(silent.Count == 0, "Endpoints without RequireAuthorization/[Authorize] or AllowAnonymous:\n" + string.Join("\n", silent));
    }

    [Fact]
    public void Every_page_states_its_policy_with_an_attribute()
    {
        var pages = Endpoints.Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(
            page.Metadata.GetMetadata<IAuthorizeData>() is not null || page.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            $"Page {Pattern(page)} has neither [Authorize] nor [AllowAnonymous]."));
    }

    [Fact]
    public void Only_allow_listed_endpoints_and_static_assets_are_anonymous()
    {
        var unexpected = Endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => !IsStaticAsset(e) && !AnonymousAllowList.ContainsKey(Pattern(e)))
            .Select(Describe)
            .ToList();

        Assert.True(unexpected.Count == 0, "Anonymous endpoints missing from the allow-list:\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public void Every_allow_list_entry_is_a_real_endpoint()
    {
        var patterns = Endpoints.Select(Pattern).ToHashSet(StringComparer.Ordinal);
        var stale = AnonymousAllowList.Keys.Concat(WithoutMetadataAllowList.Keys).Where(p => !patterns.Contains(p)).ToList();

        Assert.True(stale.Count == 0, "Allow-list entries with no endpoint: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_protected_api_endpoint_answers_an_anonymous_caller_with_a_401_problem()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var protectedApi = Endpoints
            .Where(e => Pattern(e).StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Path: Address(e))))
            .ToList();

        Assert.NotEmpty(protectedApi);
        foreach (var (method, path) in protectedApi)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = ApiJson.Raw("{}");
            }

            var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
            await response.ProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    private static string Pattern(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText ?? "";

    // "/api/users/{id}/disable" -> "/api/users/x/disable"; optional parameters are left out.
    private static string Address(RouteEndpoint endpoint) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments
            .Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => "",
                _ => "x",
            })))
            .Where(segment => segment.Length > 0));

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {Pattern(endpoint)} ({endpoint.DisplayName})";
}
