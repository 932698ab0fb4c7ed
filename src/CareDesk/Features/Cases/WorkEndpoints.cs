using System.Security.Claims;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Cases;

/// <summary>The work page's API: my work with filters and order, saved views, and the supervisors' bulk reassignment.</summary>
internal static class WorkEndpoints
{
    public static IEndpointRouteBuilder MapWorkEndpoints(this IEndpointRouteBuilder app)
    {
        // Mapped outside the group so its path stays "/api/work", not "/api/work/".
        app.MapGet("/api/work", async (string[]? status, string? team, string? owner, string[]? serviceLevel, string? sort, string? order,
                ClaimsPrincipal user, ListCases list, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                (await list.MyWorkAsync(WorkFilter.From(status, team, owner, serviceLevel, sort, order), StaffActor.From(user), ct)).ToOk(text))
            .WithSummary("My work: the open cases I own, the queues of my teams (every team's for supervisors and admins), escalations waiting for me and my promised callbacks. "
                + "With any of status (new, in-progress, waiting-on-customer, resolved, closed), team, owner (me or a user id), serviceLevel (on-track, warning, breached, paused, met, none; "
                + "lists repeated or comma-separated), sort (due, opened, activity) or order (asc, desc): one list of the cases found in results (of that owner or team, else mine and my teams' — every case for supervisors), at most 200.")
            .WithTags("Cases")
            .RequireAuthorization(Policies.Staff)
            .Produces<ListCases.MyWork>()
            .ProducesValidationProblem();

        var work = app.MapGroup("/api/work").WithTags("Cases").RequireAuthorization(Policies.Staff);

        work.MapGet("/views", async (ClaimsPrincipal user, SavedWorkViews views, CancellationToken ct) =>
                TypedResults.Ok(await views.ListAsync(StaffActor.From(user), ct)))
            .WithSummary("My saved views of the work page, by name: each a filter and order (query: open /work?{query}).")
            .Produces<SavedWorkViews.View[]>();

        work.MapPost("/views", async (SavedWorkViews.Request request, ClaimsPrincipal user, SavedWorkViews views, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                (await views.SaveAsync(request, StaffActor.From(user), ct)).ToOk(text))
            .WithSummary("Save a filter and order of the work page under a name, for me only; the same name again replaces that view.")
            .Produces<SavedWorkViews.View>()
            .ProducesValidationProblem();

        work.MapDelete("/views/{id:guid}", async (Guid id, ClaimsPrincipal user, SavedWorkViews views, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var deleted = await views.DeleteAsync(id, StaffActor.From(user), ct);
                return deleted.ToNoContent(text);
            })
            .WithSummary("Remove one of my saved views.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        work.MapPost("/reassign", async (ReassignCases.Request request, ClaimsPrincipal user, ReassignCases reassign, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                (await reassign.RunAsync(request, StaffActor.From(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Supervisors: hand several cases (each with the version read) to one user (toUserId) or team (toTeam) with one note on each timeline. "
                + "Each case is a handoff of its own: one changed since it was read is reported as conflict and left unchanged, the others are reassigned.")
            .Produces<ReassignCases.Response>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }
}
