using System.Security.Claims;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.People.Merging;

internal static class MergingEndpoints
{
    public static IServiceCollection AddPersonMerging(this IServiceCollection services)
    {
        services.AddScoped<MergePeople>();
        services.AddScoped<UnmergePeople>();
        services.AddScoped<ListPersonMerges>();
        services.AddScoped<PreviewMerge>();
        return services;
    }

    public static IEndpointRouteBuilder MapPersonMergingEndpoints(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("People");

        people.MapPost("/{survivorId:guid}/merge", async (Guid survivorId, MergePeople.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, MergePeople merge, ListPersonMerges list, IStringLocalizer<MergingText> text, CancellationToken ct) =>
            {
                var viewer = PersonViewer.From(user, options.Value);
                var result = await merge.RunAsync(survivorId, request, viewer, ct);
                return await result.ToCreatedAsync(text, id => $"/api/people/{survivorId}/merges", id => OneAsync(list, survivorId, id, viewer, ct));
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Merge a duplicate (mergedId) into this person, who survives: all its facts, devices, cases, contacts, consents and outreach move here; send both versions you read and a note (supervisors; audited; undone by unmerge).")
            .Produces<ListPersonMerges.MergeView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapPost("/merges/{mergeId:guid}/unmerge", async (Guid mergeId, UnmergePeople.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, UnmergePeople unmerge, IStringLocalizer<MergingText> text, CancellationToken ct) =>
                (await unmerge.RunAsync(mergeId, request, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Undo a merge: both people as they were, every moved row back; contacts and cases the survivor gained since stay unless listed in move (supervisors; audited; once only).")
            .Produces<UnmergePeople.Outcome>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        people.MapGet("/{id:guid}/merges", async (Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, ListPersonMerges list, IStringLocalizer<MergingText> text, CancellationToken ct) =>
                (await list.RunAsync(id, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The merges this person took part in, survivor or merged, newest first, and whom the person was merged into.")
            .Produces<ListPersonMerges.Merges>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Result<ListPersonMerges.MergeView>> OneAsync(ListPersonMerges list, Guid personId, Guid mergeId, PersonViewer viewer, CancellationToken ct)
    {
        var merges = await list.RunAsync(personId, viewer, ct);
        return merges.Succeeded ? merges.Value!.Items.Single(m => m.Id == mergeId) : merges.Failure!;
    }
}
