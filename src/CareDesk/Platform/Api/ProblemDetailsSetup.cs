using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Api;

/// <summary>Every API error is <c>application/problem+json</c> with a trace id; no stack trace ever leaves the server.</summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddCareDeskProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] =
                Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Outside Development, minimal APIs answer an unreadable body with a bare 400; throwing lets
        // ApiExceptionHandler name the field ({"email": 5} -> errors.email) in every environment.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static bool IsApiRequest(this HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Rejects bodies over the configured size before any endpoint reads them.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // An upload endpoint carries its own limit (a recording is larger than any JSON body).
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<UploadLimit>()?.Bytes(context.RequestServices)
                ?? context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Request body too large",
                        Detail = $"The request body may be at most {limit} bytes.",
                    },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        });
}

/// <summary>Maps request-reading failures to 4xx problems that name the field; everything else to a bare 500.</summary>
internal sealed class ApiExceptionHandler(
    IProblemDetailsService problems,
    DatabaseOutage outage,
    IStringLocalizer<SharedResource> text,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = bad.Message,
            },
            _ => null,
        };

        if (problem is null && DatabaseOutage.IsUnavailable(exception))
        {
            // Nothing the client did: it may try again (the phone system's relay does). Logged once per outage.
            outage.Report(exception, $"{httpContext.Request.Method} {httpContext.GetEndpoint()?.DisplayName ?? httpContext.Request.Path}");
            httpContext.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = text["Database.Unavailable"],
                Detail = text["Database.Unavailable.Detail", (int)DatabaseOutage.RetryAfter.TotalSeconds],
            };
        }

        if (problem is null)
        {
            // Logged with the trace id; the client gets the id only.
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred",
                Detail = "The error was logged; quote the traceId when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ValidationProblemDetails JsonProblem(JsonException json)
    {
        var field = FieldFromPath(json.Path);
        var reason = field.Length == 0
            ? "The request body is not valid JSON."
            : "The value has the wrong type or format.";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field.Length == 0 ? "$" : field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read",
        };
    }

    // "$.phones[0].number" -> "phones[0].number"
    private static string FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
