using System.Security.Claims;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Cases;

/// <summary>Links between cases and merging a duplicate (F11).</summary>
internal static class CaseLinksEndpoints
{
    public static IServiceCollection AddCaseLinks(this IServiceCollection services)
    {
        services.AddScoped<LinkCases>();
        services.AddScoped<MergeCase>();
        return services;
    }

    public static IEndpointRouteBuilder MapCaseLinksEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Staff);

        cases.MapGet("/{id:guid}/links", async (Guid id, ClaimsPrincipal user, LinkCases links, IStringLocalizer<CaseLinksText> links2, IStringLocalizer<CasesText> cases2, CancellationToken ct) =>
                (await links.ListAsync(id, StaffActor.From(user), ct)).ToOk(new LinksText(links2, cases2)))
            .WithSummary("The cases linked to this one (related or duplicate), and those merged into it.")
            .Produces<LinkCases.LinkView[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/links", (Guid id, LinkCases.Request request, ClaimsPrincipal user, LinkCases links, GetCase get, IStringLocalizer<CaseLinksText> links2, IStringLocalizer<CasesText> cases2, CancellationToken ct) =>
                CasesEndpoints.ChangeAsync(id, user, get, new LinksText(links2, cases2), actor => links.LinkAsync(id, request, actor, ct), ct))
            .WithSummary("Link another case (otherCaseId, or otherNumber as the caller reads it) as related or duplicate; on both timelines. Linking again changes nothing.")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapDelete("/{id:guid}/links/{otherCaseId:guid}", (Guid id, Guid otherCaseId, ClaimsPrincipal user, LinkCases links, GetCase get, IStringLocalizer<CaseLinksText> links2, IStringLocalizer<CasesText> cases2, CancellationToken ct) =>
                CasesEndpoints.ChangeAsync(id, user, get, new LinksText(links2, cases2), actor => links.UnlinkAsync(id, otherCaseId, actor, ct), ct))
            .WithSummary("Remove the link between two cases; on both timelines.")
            .Produces<GetCase.View>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/{id:guid}/merge", (Guid id, MergeCase.Request request, ClaimsPrincipal user, MergeCase merge, GetCase get, IStringLocalizer<CaseLinksText> links2, IStringLocalizer<CasesText> cases2, CancellationToken ct) =>
                CasesEndpoints.ChangeAsync(id, user, get, new LinksText(links2, cases2), actor => merge.RunAsync(id, request, actor, ct), ct))
            .WithSummary("Merge this duplicate into another open case of the same person (intoCaseId or intoNumber) with a note and the version you saw: it is closed and points there; its open callbacks and running escalations move there.")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
