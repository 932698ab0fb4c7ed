using System.Security.Claims;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Catalog;

internal static class CatalogEndpoints
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddDataSeeder<CatalogSeeder>();
        services.AddScoped<ListManufacturers>();
        services.AddScoped<SearchModels>();
        services.AddScoped<GetModel>();
        services.AddScoped<SaveModel>();
        services.AddScoped<SetModelLinks>();
        services.AddScoped<GetRegulatoryProfile>();
        services.AddScoped<SaveRegulatoryProfile>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/api/catalog").WithTags("Catalog").RequireAuthorization(Policies.Staff);

        catalog.MapGet("/manufacturers", async (ListManufacturers list, CancellationToken ct) => TypedResults.Ok(await list.RunAsync(ct)))
            .WithSummary("Device makers with the brand and caller names they are known by.");

        catalog.MapGet("/models", async (string? category, string? manufacturerId, string? q, SearchModels search, CancellationToken ct) =>
                TypedResults.Ok(await search.RunAsync(new SearchModels.Query(category, manufacturerId, q), ct)))
            .WithSummary("Models by category, maker and text (names in English or Chinese, aliases, printed text, model numbers).");

        catalog.MapGet("/models/{id}", async (string id, GetModel get, IStringLocalizer<CatalogText> text, CancellationToken ct) =>
                (await get.RunAsync(id, ct)).ToOk(text))
            .WithSummary("A model with its compatibility both ways: what it fits, what fits it, pairings and explicit negatives.")
            .Produces<ModelDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapPost("/models", async (SaveModel.Request request, SaveModel save, IStringLocalizer<CatalogText> text, CancellationToken ct) =>
            {
                var result = await save.CreateAsync(request, ct);
                return result.ToCreated(text, v => $"/api/catalog/models/{v.Id}");
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Add a model to the catalog (admin).")
            .Produces<ModelSummary>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        catalog.MapPut("/models/{id}", async (string id, SaveModel.Request request, SaveModel save, GetModel get, IStringLocalizer<CatalogText> text, CancellationToken ct) =>
            {
                var result = await save.UpdateAsync(id, request, ct);
                if (result.Failure is { Kind: FailureKind.Conflict } conflict)
                {
                    // The second admin gets what is stored now, to redo their change on top of it.
                    var current = await get.RunAsync(id, ct);
                    return TypedResults.Problem(
                        conflict.Message(text),
                        statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?> { ["version"] = current.Value?.Version, ["current"] = current.Value });
                }

                return (result).ToOk(text);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Edit a model (admin); send the version you read (409 with the current model and version if it changed). Its id never changes.")
            .Produces<ModelSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        catalog.MapPut("/models/{id}/links", async (string id, SetModelLinks.Request request, SetModelLinks set, IStringLocalizer<CatalogText> text, CancellationToken ct) =>
                (await set.RunAsync(id, request, ct)).ToOk(text))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Add or remove compatibility of a model (admin): kinds fits, works-with, not-compatible.")
            .Produces<ModelDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapGet("/models/{id}/regulatory", async (string id, GetRegulatoryProfile get, IStringLocalizer<CatalogText> text, CancellationToken ct) =>
                (await get.RunAsync(id, ct)).ToOk(text))
            .WithSummary("A model's regulatory profile per market (US, EU, CN) in force, with its version and revision.")
            .Produces<RegulatoryProfile>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        catalog.MapPut("/models/{id}/regulatory", async (string id, RegulatoryProfile request, SaveRegulatoryProfile save, ClaimsPrincipal user, IStringLocalizer<CatalogText> text, CancellationToken ct) =>
                (await save.RunAsync(id, request, StaffActor.From(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.Quality)
            .WithSummary("Save a model's regulatory profile as a new revision (quality, admin); send the version you read (409 if it changed). Earlier revisions are kept.")
            .Produces<RegulatoryProfile>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
