using System.Security.Claims;
using CareDesk.Features.People;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Search;

internal static class SearchEndpoints
{
    public static IServiceCollection AddGlobalSearch(this IServiceCollection services) => services.AddScoped<GlobalSearch>();

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", async (string? q, ClaimsPrincipal user, IOptions<PeopleOptions> options, GlobalSearch search, CancellationToken ct) =>
                TypedResults.Ok(await search.RunAsync(q, PersonViewer.From(user, options.Value), StaffActor.From(user), ct)))
            .WithTags("Search")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("One box for everything: people (any part of a name or number, pinyin, e-mail), cases by number, devices by serial number and catalog models, grouped by kind.")
            .Produces<GlobalSearch.Results>();
        return app;
    }
}
