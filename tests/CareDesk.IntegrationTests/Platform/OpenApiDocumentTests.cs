using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Api;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>The OpenAPI document of the real host says what the endpoints really take, under names a client generator can use.</summary>
public sealed partial class OpenApiDocumentTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Each_operations_request_schema_is_its_endpoints_real_body_type()
    {
        var document = await DocumentAsync();
        var bodies = BodyEndpoints().ToList();
        Assert.True(bodies.Count > 30, $"only {bodies.Count} endpoints with a JSON body");

        var schemaOfType = new Dictionary<Type, string>();
        foreach (var (method, path, type) in bodies)
        {
            var operation = default(JsonElement);
            Assert.True(
                document.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out operation),
                $"{method} {path} is not in the document");
            var bodySchema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            if (bodySchema.TryGetProperty("oneOf", out var options))
            {
                // An optional body: null or the schema.
                bodySchema = options.EnumerateArray().Single(o => o.TryGetProperty("$ref", out _));
            }

            Assert.True(bodySchema.TryGetProperty("$ref", out var referenced), $"{method} {path}: body schema is not a named schema: {bodySchema}");
            var reference = referenced.GetString()!;
            var name = reference.Split('/')[^1];
            var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);

            var expected = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => Validation.FieldName(p.Name)).Order(StringComparer.Ordinal);
            var documented = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(documented), $"{method} {path}: schema {name} has [{string.Join(", ", documented)}], {type.FullName} has [{string.Join(", ", expected)}]");
            schemaOfType[type] = name;
        }

        var shared = schemaOfType.GroupBy(t => t.Value).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(shared.Count == 0, "one schema name for several request types: " + string.Join(", ", shared));
        Assert.Equal("CreatePersonRequest", schemaOfType[typeof(CareDesk.Features.People.CreatePerson.Request)]);
    }

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_and_a_summary()
    {
        var document = await DocumentAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Key: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        Assert.True(operations.Count > 80, $"only {operations.Count} operations");
        var missing = operations
            .Where(o => !o.Operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString())
                || !o.Operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            .Select(o => o.Key)
            .ToList();
        Assert.True(missing.Count == 0, "operations without operationId or summary:\n" + string.Join("\n", missing));
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("CreatePerson", ids);
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

    private IEnumerable<(string Method, string Path, Type Type)> BodyEndpoints()
    {
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText ?? "";
            if (!raw.StartsWith("/api/", StringComparison.Ordinal)
                || endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { RequestType: { } type } accepts
                || !accepts.ContentTypes.Contains("application/json"))
            {
                continue;
            }

            var path = Constraint().Replace(raw, "{$1}").TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                yield return (method, path, type);
            }
        }
    }

    [GeneratedRegex(@"\{([^}:=?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
