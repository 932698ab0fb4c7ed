using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareDesk.Platform.Api;

/// <summary>
/// Maps request-reading failures to 4xx problems that name the field, the parameter or the body in plain words (in the
/// caller's language); everything else to a bare 500.
/// </summary>
internal sealed partial class ApiExceptionHandler(
    IProblemDetailsService problems,
    DatabaseOutage outage,
    IStringLocalizer<SharedResource> text,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The exception left the localization middleware's scope: answer in the language it chose for this request.
        if (httpContext.Features.Get<IRequestCultureFeature>() is { } culture)
        {
            CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        }

        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => BindingProblem(bad),
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

    private ValidationProblemDetails JsonProblem(JsonException json)
    {
        var field = FieldFromPath(json.Path);
        var reason = json switch
        {
            RequestJson.OffsetRequiredException => text["Api.OffsetRequired"],
            _ when json.Message.Contains("uplicate", StringComparison.Ordinal) => text["Api.DuplicateKey"],
            _ when field.Length == 0 => text["Api.BodyUnreadable"],
            _ => text["Api.WrongType"],
        };
        return Invalid(field.Length == 0 ? BodyField : field, reason, "The request body could not be read");
    }

    // The framework's binding messages ("Implicit body inferred for parameter…", "Failed to bind parameter \"int limit\"
    // from \"abc\"") name C# types and suggest services; the client gets the parameter and what it should be.
    private ValidationProblemDetails BindingProblem(BadHttpRequestException bad)
    {
        var message = bad.Message;
        if (message.Contains(" body", StringComparison.Ordinal))
        {
            return Invalid(BodyField, text["Api.BodyRequired"], "The request body is missing");
        }

        if (Parameter().Match(message) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            return message.StartsWith("Required", StringComparison.Ordinal)
                ? Invalid(name, text["Api.ParameterRequired", name], "A parameter is missing")
                : Invalid(name, text["Api.ParameterInvalid", name, text[Expected(match.Groups["type"].Value)]], "A parameter could not be read");
        }

        return Invalid(BodyField, text["Api.BodyUnreadable"], "Bad request");
    }

    private static string Expected(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "Api.Expected.Number",
        "bool" or "Boolean" => "Api.Expected.Boolean",
        "Guid" => "Api.Expected.Id",
        "DateTimeOffset" or "DateTime" => "Api.Expected.Time",
        "DateOnly" => "Api.Expected.Date",
        _ => "Api.Expected.Value",
    };

    private const string BodyField = "body";

    private static ValidationProblemDetails Invalid(string field, string reason, string title) =>
        new(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = reason,
        };

    [GeneratedRegex("parameter \"(?:(?<type>[^\"]+) )?(?<name>[^\" ]+)\"")]
    private static partial Regex Parameter();

    // "$.phones[0].number" -> "phones[0].number"
    private static string FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
