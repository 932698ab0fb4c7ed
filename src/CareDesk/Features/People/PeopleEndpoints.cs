using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.People;

internal static class PeopleEndpoints
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddSingleton<PhoneNumberParser>();
        services.AddScoped<LookupCallers>();
        return services;
    }

    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("People").RequireAuthorization(Policies.Staff);

        people.MapGet("/lookup", async (string? phone, [FromServices] PhoneNumberParser phones, LookupCallers lookup, IStringLocalizer<PeopleText> text, CancellationToken ct) =>
            {
                if (phones.TryParse(phone) is not { } parsed)
                {
                    return (IResult)Validation.Problem("phone", text["Phone.Invalid"]);
                }

                return TypedResults.Ok(await lookup.RunAsync(parsed.E164, ct));
            })
            .WithSummary("Who is calling: people with this number (any format), then the patients they care for.")
            .Produces<IReadOnlyList<LookupCallers.Match>>()
            .ProducesValidationProblem();

        return app;
    }
}
