using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Platform.Api;

/// <summary>
/// One endpoint filter for the whole API: before a handler runs, every request body it binds (a record with
/// <c>[property: Required]</c>, <c>[MaxLength]</c>…, nested objects and list items included) is checked by
/// <see cref="Validation"/>; an invalid body is answered with a 400 ValidationProblem naming each field, and the
/// handler never runs. Handlers therefore only run their use case. The filter sits on the API route group
/// (<see cref="MapApi"/>), so an endpoint mapped into it is validated without a call of its own.
/// </summary>
public static class RequestValidation
{
    /// <summary>Marks endpoints whose bodies this filter validates (checked by a test over every API endpoint).</summary>
    public sealed class Metadata
    {
        internal static readonly Metadata Instance = new();

        private Metadata()
        {
        }
    }

    /// <summary>The group every API capability maps its endpoints into: it adds no prefix, only the validation filter.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app) => app.MapGroup("").WithRequestValidation();

    /// <summary>Validates the request bodies of every endpoint of <paramref name="builder"/> (a group or one endpoint).</summary>
    public static TBuilder WithRequestValidation<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Metadata.Instance).AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters();
        var bodies = parameters.Where(p => IsBody(p, services)).Select(p => p.Position).ToArray();
        var instants = parameters.Where(IsQueryInstant).Select(QueryName).ToArray();
        if (bodies.Length == 0 && instants.Length == 0)
        {
            // Nothing to check: the endpoint runs without the filter's indirection.
            return next;
        }

        return async invocation =>
        {
            var text = invocation.HttpContext.RequestServices.GetService<IStringLocalizer<SharedResource>>();
            var errors = new List<(string Field, string Message)>();
            foreach (var name in instants)
            {
                // The binder reads "2026-12-01T09:00" in the server's zone; the API documents instants with their offset.
                if (invocation.HttpContext.Request.Query[name] is [{ Length: > 0 } value] && !RequestJson.HasOffset(value))
                {
                    errors.Add((name, text?["Api.OffsetRequired"].Value ?? "Api.OffsetRequired"));
                }
            }

            foreach (var index in bodies)
            {
                if (invocation.Arguments[index] is { } body)
                {
                    errors.AddRange(Validation.Errors(body, text));
                }
            }

            return errors.Count == 0 ? await next(invocation) : Validation.Problem(errors);
        };
    }

    private static bool IsQueryInstant(ParameterInfo parameter) =>
        (Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType) == typeof(DateTimeOffset)
        && !parameter.GetCustomAttributes(inherit: true).Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata);

    private static string QueryName(ParameterInfo parameter) =>
        parameter.GetCustomAttributes(inherit: true).OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? parameter.Name!;

    // The parameters minimal APIs bind from the JSON body: explicit [FromBody], or a complex type that is not a
    // service, not a special type and not bound from the route, query, headers or form.
    private static bool IsBody(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var attributes = parameter.GetCustomAttributes(inherit: true);
        if (attributes.OfType<IFromBodyMetadata>().Any())
        {
            return true;
        }

        if (attributes.Any(a => a is IFromServiceMetadata or IFromRouteMetadata or IFromQueryMetadata or IFromHeaderMetadata
                or IFromFormMetadata or AsParametersAttribute))
        {
            return false;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return !Validation.IsScalar(type)
            && !IsSpecial(type)
            && type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static) is null
            && type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is null
            && services?.IsService(type) != true;
    }

    private static bool IsSpecial(Type type) =>
        type == typeof(HttpContext)
        || type == typeof(HttpRequest)
        || type == typeof(HttpResponse)
        || type == typeof(CancellationToken)
        || type == typeof(ClaimsPrincipal)
        || type == typeof(Stream)
        || type == typeof(PipeReader)
        || typeof(IFormFile).IsAssignableFrom(type)
        || typeof(IFormFileCollection).IsAssignableFrom(type)
        || typeof(IFormCollection).IsAssignableFrom(type);
}
