using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CareDesk.Platform.Api;

/// <summary>
/// Names in the OpenAPI document that generated clients can use: a schema per request and response type
/// (<c>CreatePerson.Request</c> is <c>CreatePersonRequest</c>, not one <c>Request</c> shared by every use case) and
/// an operationId per operation, taken from the use case the endpoint runs.
/// </summary>
public static class OpenApiNames
{
    public static IServiceCollection AddCareDeskOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaId;
            options.AddDocumentTransformer<OpenApiInfoTransformer>();
            options.AddDocumentTransformer<OperationIdTransformer>();
            // RequestJson's converter hides from the schema exporter that an instant is a string.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (Nullable.GetUnderlyingType(type) == typeof(DateTimeOffset) || type == typeof(DateTimeOffset))
                {
                    schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                    schema.Format = "date-time";
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>The schema name of a type: its own name, prefixed by the types it is nested in.</summary>
    public static string? SchemaId(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is null)
        {
            return null;
        }

        var clrType = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        for (var outer = clrType.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            // GetPersonProfile.Profile reads as GetPersonProfile, not GetPersonProfileProfile.
            var prefix = StripArity(outer.Name) is var outerName && outerName.EndsWith("Endpoints", StringComparison.Ordinal)
                ? outerName[..^"Endpoints".Length]
                : StripArity(outer.Name);
            name = prefix.EndsWith(name, StringComparison.Ordinal) ? prefix : prefix + name;
        }

        return name;
    }

    /// <summary>
    /// The operationId of an endpoint: the use case its body belongs to (<c>CreatePerson.Request</c> → <c>CreatePerson</c>),
    /// else the use case it injects, else its method and route; made unique with the route when two operations share one.
    /// </summary>
    public static string OperationId(string method, string route, MethodInfo? handler)
    {
        var useCase = handler is null ? null : UseCaseOf(handler);
        return useCase ?? FromRoute(method, route);
    }

    internal static string FromRoute(string method, string route)
    {
        var words = route.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != "api")
            .Select(s => s.StartsWith('{') ? "By" + Pascal(s.Trim('{', '}').Split(':')[0]) : Pascal(s));
        return Pascal(method.ToLowerInvariant()) + string.Concat(words);
    }

    private static string? UseCaseOf(MethodInfo handler)
    {
        foreach (var parameter in handler.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (type.DeclaringType is { } useCase && IsUseCase(useCase) && !type.IsEnum)
            {
                return StripArity(useCase.Name);
            }
        }

        var injected = handler.GetParameters()
            .Select(p => p.ParameterType)
            .Where(IsUseCase)
            .ToList();
        return injected.Count == 1 ? StripArity(injected[0].Name) : null;
    }

    // A use case is a class of a feature (Features/<Capability>/<UseCase>.cs), not a text, options or framework type.
    private static bool IsUseCase(Type type) =>
        type is { IsClass: true, IsAbstract: false, Namespace: { } ns }
        && ns.StartsWith("CareDesk.Features.", StringComparison.Ordinal)
        && !type.Name.EndsWith("Text", StringComparison.Ordinal)
        && !type.Name.EndsWith("Options", StringComparison.Ordinal)
        && !type.Name.EndsWith("Endpoints", StringComparison.Ordinal)
        && !type.Name.EndsWith("Access", StringComparison.Ordinal)
        && !type.Name.EndsWith("Views", StringComparison.Ordinal);

    private static string Pascal(string word) =>
        string.Concat(word.Split('-', '_').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string StripArity(string name) => name.Split('`')[0];

    /// <summary>Gives each operation an operationId (unique in the document) unless the endpoint named one itself.</summary>
    private sealed class OperationIdTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            var candidates = new List<(OpenApiOperation Operation, string Preferred, string Fallback)>();
            foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
            {
                var route = "/" + (description.RelativePath ?? "").TrimEnd('/');
                var path = RoutePath(route);
                var method = description.HttpMethod ?? "GET";
                if (document.Paths is null || !document.Paths.TryGetValue(path, out var item) || item.Operations is null
                    || !item.Operations.TryGetValue(new System.Net.Http.HttpMethod(method), out var operation))
                {
                    continue;
                }

                var metadata = description.ActionDescriptor.EndpointMetadata;
                var named = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
                var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
                var fallback = FromRoute(method, path);
                operation.Description ??= Describe(operation.Summary, metadata);
                candidates.Add((operation, named ?? OperationId(method, path, handler), named ?? fallback));
            }

            var taken = candidates.GroupBy(c => c.Preferred).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            foreach (var (operation, preferred, fallback) in candidates)
            {
                operation.OperationId = taken.Contains(preferred) ? fallback : preferred;
            }

            return Task.CompletedTask;
        }

        // The summary and who may call it, from the endpoint's authorization metadata.
        private static string Describe(string? summary, IList<object> metadata)
        {
            var who = metadata.OfType<IAllowAnonymous>().Any()
                ? "No sign-in."
                : metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().LastOrDefault() is { } policy
                    ? $"Signed in, policy {policy}."
                    : "Signed in as staff.";
            return string.IsNullOrWhiteSpace(summary) ? who : $"{summary} {who}";
        }

        // "/api/people/{id:guid}" -> "/api/people/{id}", as the document writes paths.
        private static string RoutePath(string route) =>
            System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:=?]+)[^}]*\}", "{$1}");
    }
}
