using System.ComponentModel.DataAnnotations;
using System.Net;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>A request shaped like CareDesk's: annotated properties, a nested object, a list of objects.</summary>
public sealed record ProbeRequest(
    [property: Required, MaxLength(5)] string Name,
    ProbeRequest.Inner? Accessibility,
    IReadOnlyList<ProbeRequest.Inner>? Phones,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string?>? Optional = null)
{
    public sealed record Inner([property: Required] string Number, [property: MaxLength(3)] string? Note = null);
}

/// <summary>
/// The API group's validation filter: an endpoint added to a group under <see cref="RequestValidation.MapApi"/> has its
/// body validated without a call of its own, and every API endpoint of the real host sits under it.
/// </summary>
public sealed class RequestValidationTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>, IAsyncLifetime
{
    private WebApplication? probeHost;
    private int handlerRuns;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCareDeskProblemDetails();
        probeHost = builder.Build();

        // A capability added later, mapped the way every capability is: a group of its own inside the API group.
        var probes = probeHost.MapApi().MapGroup("/api/probes");
        probes.MapPost("/", (ProbeRequest request) =>
        {
            handlerRuns++;
            return TypedResults.Ok(request.Name);
        });
        probes.MapPut("/{id:int}", (int id, ProbeRequest? request) =>
        {
            handlerRuns++;
            return TypedResults.Ok(id);
        });
        await probeHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (probeHost is not null)
        {
            await probeHost.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_valid_body_reaches_the_handler()
    {
        var response = await PostAsync("/api/probes", """{"name":"ok","accessibility":{"number":"1"},"phones":[{"number":"2"}],"tags":["a"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handlerRuns);
    }

    [Fact]
    public async Task An_invalid_body_is_a_400_naming_each_field_in_json_casing_and_the_handler_never_runs()
    {
        var response = await PostAsync(
            "/api/probes",
            """{"name":"too long","accessibility":{"note":"long"},"phones":[{"number":"1"},{"note":"x"}],"tags":["a"]}""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["accessibility.note", "accessibility.number", "name", "phones[1].number"],
            problem.FieldsInError().Order(StringComparer.Ordinal));
        Assert.Contains("5", Assert.Single(problem.Errors("name")), StringComparison.Ordinal);
        Assert.Equal(0, handlerRuns);
    }

    [Fact]
    public async Task A_null_list_item_is_named_unless_the_list_declares_its_items_nullable()
    {
        var response = await PostAsync("/api/probes", """{"name":"ok","phones":[{"number":"1"},null],"tags":[null],"optional":[null]}""");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["phones[1]", "tags[0]"], problem.FieldsInError().Order(StringComparer.Ordinal));
        Assert.Equal(0, handlerRuns);
    }

    [Fact]
    public async Task Route_values_are_not_bodies_and_an_absent_optional_body_is_not_validated()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/api/probes/7", null)).StatusCode);

        var problem = await (await SendAsync(HttpMethod.Put, "/api/probes/7", "{}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["name"], problem.FieldsInError());
    }

    [Fact]
    public void Every_api_endpoint_of_the_host_is_in_the_validated_group()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").StartsWith("/api/", StringComparison.Ordinal))
            // The API reference page's files are not operations.
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();

        // Bodies and query values (an instant's offset) are both checked by the filter, so every API endpoint is in it.
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/people/" && e.Metadata.GetMetadata<IAcceptsMetadata>() is not null);
        var unvalidated = endpoints
            .Where(e => e.Metadata.GetMetadata<RequestValidation.Metadata>() is null)
            .Select(e => e.DisplayName)
            .ToList();
        Assert.True(unvalidated.Count == 0, "API endpoints outside the validated API group (map them into MapApi()):\n" + string.Join("\n", unvalidated));
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : ApiJson.Raw(json) };
        return await probeHost!.GetTestClient().SendAsync(request);
    }
}
