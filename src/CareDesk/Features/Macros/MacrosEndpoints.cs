using System.Security.Claims;
using CareDesk.Features.Cases;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Macros;

/// <summary>Macros (canned answers): every agent reads them, supervisors and admins keep them.</summary>
internal static class MacrosEndpoints
{
    public static IServiceCollection AddMacros(this IServiceCollection services)
    {
        services.AddScoped<ListMacros>();
        services.AddScoped<SaveMacro>();
        services.AddScoped<DeleteMacro>();
        return services;
    }

    public static IEndpointRouteBuilder MapMacrosEndpoints(this IEndpointRouteBuilder app)
    {
        var macros = app.MapGroup("/api/macros").WithTags("Macros").RequireAuthorization(Policies.Staff);

        macros.MapGet("/", async (string? language, Guid? caseId, ClaimsPrincipal user, ListMacros list, GetCase get, TimeProvider clock, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                MacroContext? context = null;
                if (caseId is { } id)
                {
                    // Filling in reads the case (its person's name): the same access rules and audit as opening it.
                    var found = await get.RunAsync(id, StaffActor.From(user), ct);
                    if (!found.Succeeded)
                    {
                        return found.Failure!.ToProblem(text);
                    }

                    context = MacroContext.Of(found.Value!, user, clock);
                }

                return (IResult)TypedResults.Ok(await list.RunAsync(language, context, ct));
            })
            .WithSummary("The macros (canned note and reply texts), the reader's language first; language=zh-CN|en for one language; caseId fills each one's placeholders from that case (filled; a read of the case, audited).")
            .Produces<MacroView[]>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        macros.MapGet("/placeholders", () => TypedResults.Ok(MacroPlaceholders.All.Select(p => $"{{{p}}}").ToArray()))
            .WithSummary("The placeholders a macro may hold, as written in its text.")
            .Produces<string[]>();

        macros.MapPost("/", async (SaveMacro.Request request, ClaimsPrincipal user, SaveMacro save, IStringLocalizer<MacrosText> text, CancellationToken ct) =>
            {
                var saved = await save.RunAsync(null, request, StaffActor.From(user).UserId, ct);
                return saved.ToCreated(text, v => $"/api/macros/{v.Id}");
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Add a macro: shortcut (what agents type to find it, unique per language), title, language (zh-CN or en), text with placeholders such as {person name}; an unknown placeholder is refused naming text.")
            .Produces<MacroView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        macros.MapPut("/{id:guid}", async (Guid id, SaveMacro.Request request, ClaimsPrincipal user, SaveMacro save, IStringLocalizer<MacrosText> text, CancellationToken ct) =>
                (await save.RunAsync(id, request, StaffActor.From(user).UserId, ct)).ToOk(text))
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Change a macro; send the version you read (409 when it changed since).")
            .Produces<MacroView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        macros.MapDelete("/{id:guid}", async (Guid id, string? version, DeleteMacro delete, IStringLocalizer<MacrosText> text, CancellationToken ct) =>
            {
                var deleted = await delete.RunAsync(id, version, ct);
                return deleted.ToNoContent(text);
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Remove a macro; send the version you read as ?version= (409 when it changed since).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
