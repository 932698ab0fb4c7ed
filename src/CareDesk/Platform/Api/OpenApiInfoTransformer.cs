using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CareDesk.Platform.Api;

/// <summary>Title, description and the bearer security scheme of the OpenAPI document.</summary>
internal sealed class OpenApiInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CareDesk API",
            Version = "v1",
            Description = "Everything the CareDesk agent desktop does. Sign in with POST /api/auth/login and send "
                + "'Authorization: Bearer <accessToken>'. Every error is application/problem+json.",
            Contact = new OpenApiContact { Name = "CareDesk" },
        };
        // Server URLs without a trailing slash, so clients join them with the paths as written.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Access token from POST /api/auth/login.",
        };
        return Task.CompletedTask;
    }
}
