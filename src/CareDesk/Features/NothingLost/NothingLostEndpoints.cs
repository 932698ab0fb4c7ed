using System.Security.Claims;
using CareDesk.Platform;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Live;
using CareDesk.Platform.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.NothingLost;

/// <summary>Nothing lost (F14): the detector's findings and the shift handover reports, for supervisors and admins.</summary>
internal static class NothingLostEndpoints
{
    public static IServiceCollection AddNothingLost(this IServiceCollection services)
    {
        services.AddValidatedOptions<NothingLostOptions>(NothingLostOptions.Section);
        // The rules, in the order a scan asks them; a new rule is one more line here ("owner off shift": docs/nothing-lost.md).
        services.AddScoped<IFindingRule, IdleCaseRule>();
        services.AddScoped<IFindingRule, DisabledOwnerRule>();
        services.AddScoped<IFindingRule, OverdueCallbackRule>();
        services.AddScoped<IFindingRule, UnacknowledgedEscalationRule>();
        services.AddScoped<IFindingRule, OwnerOffShiftRule>();
        services.AddScoped<DetectLostWork>();
        services.AddLiveChannel<FindingsHub>();
        services.AddScoped<ListFindings>();
        services.AddScoped<ProduceHandover>();
        services.AddScoped<Handovers>();
        services.AddRecurringJob<NothingLostJob>(NothingLostJob.Key, NothingLostJob.Interval);
        return services;
    }

    public static IEndpointRouteBuilder MapNothingLostEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/findings", async (bool? resolved, ListFindings list, CancellationToken ct) =>
                TypedResults.Ok(await list.RunAsync(resolved == true, ct)))
            .WithTags("Nothing lost")
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("What may be getting lost: open findings of the detector (idle cases by status, disabled owners with open cases, overdue callbacks, unacknowledged escalations), oldest first; resolved=true for the latest resolved.")
            .Produces<ListFindings.View[]>();

        var handovers = app.MapGroup("/api/handovers").WithTags("Nothing lost").RequireAuthorization(Policies.Supervision);

        handovers.MapGet("/", async (bool? unacknowledged, Handovers reports, CancellationToken ct) =>
                TypedResults.Ok(await reports.ListAsync(unacknowledged == true, ct)))
            .WithSummary("Shift handover reports, newest first: every unacknowledged one and the latest acknowledged (unacknowledged=true for only those).")
            .Produces<Handovers.Summary[]>();

        handovers.MapGet("/{id:guid}", async (Guid id, Handovers reports, IStringLocalizer<NothingLostText> text, CancellationToken ct) =>
                (await reports.GetAsync(id, ct)).ToOk(text))
            .WithSummary("One handover report: open cases by owner, callbacks due in the next shift, escalations under way, findings, the open questions, and who acknowledged it.")
            .Produces<Handovers.View>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        handovers.MapPut("/{id:guid}/questions", (Guid id, Handovers.QuestionsRequest request, ClaimsPrincipal user, Handovers reports, IStringLocalizer<NothingLostText> text, CancellationToken ct) =>
                ChangeAsync(id, reports, text, () => reports.SetOpenQuestionsAsync(id, request, StaffActor.From(user), ct), ct))
            .WithSummary("The outgoing supervisor's open questions for the next shift (send the version you read); until the report is acknowledged.")
            .Produces<Handovers.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        handovers.MapPost("/{id:guid}/acknowledge", (Guid id, Handovers.AcknowledgeRequest request, ClaimsPrincipal user, Handovers reports, IStringLocalizer<NothingLostText> text, CancellationToken ct) =>
                ChangeAsync(id, reports, text, () => reports.AcknowledgeAsync(id, request, StaffActor.From(user), ct), ct))
            .WithSummary("The incoming shift has read the report: records who and when, once (send the version you read; 409 when stale or already acknowledged).")
            .Produces<Handovers.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    private static async Task<IResult> ChangeAsync(Guid id, Handovers reports, IStringLocalizer<NothingLostText> text, Func<Task<Result<Guid>>> change, CancellationToken ct)
    {
        var result = await change();
        if (result.Failure is { Kind: FailureKind.Conflict } conflict)
        {
            var current = await reports.GetAsync(id, ct);
            return TypedResults.Problem(
                conflict.Message(text),
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["version"] = current.Value?.Version, ["current"] = current.Value });
        }

        return await result.ToOkAsync(text, _ => reports.GetAsync(id, ct));
    }
}
