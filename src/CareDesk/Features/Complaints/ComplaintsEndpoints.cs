using System.Security.Claims;
using CareDesk.Features.Complaints.ComplaintFile;
using CareDesk.Features.Complaints.Exports;
using CareDesk.Features.Complaints.RedFlags;
using CareDesk.Features.Devices;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints;

internal static class ComplaintsEndpoints
{
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddScoped<FlagComplaint>();
        services.AddScoped<ClearComplaint>();
        services.AddScoped<CorrectAwareness>();
        services.AddScoped<GetComplaint>();
        services.AddComplaintFile();
        services.AddScoped<ScreenContact>();
        services.AddRedFlags();
        services.AddComplaintReports();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/complaint", async (Guid id, FlagComplaint.Request request, ClaimsPrincipal user, FlagComplaint flag, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var flagged = await flag.RunAsync(id, request, actor, UserClock.ZoneOf(user), ct);
                return flagged.Succeeded ? (await get.ByIdAsync(flagged.Value, actor, ct)).ToOk(text) : flagged.Failure!.ToProblem(text);
            })
            .WithTags("Complaints")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Screening said yes: open the case's complaint file (awareness = the start of contactId, which must be on the case; without it, now) and make the case a complaint. Flagging again changes nothing.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/cases/{id:guid}/complaint", async (Guid id, ClaimsPrincipal user, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
                (await get.ForCaseAsync(id, StaffActor.From(user), ct)).ToOk(text))
            .WithTags("Complaints")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The case's complaint file; 404 when the case holds no complaint.")
            .Produces<GetComplaint.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints");
        complaints.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
                (await get.ByIdAsync(id, StaffActor.From(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("One complaint file.")
            .Produces<GetComplaint.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapPost("/{id:guid}/clear", async (Guid id, ClearComplaint.Request request, ClaimsPrincipal user, ClearComplaint clear, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var cleared = await clear.RunAsync(id, request, actor, ct);
                return cleared.Succeeded ? (await get.ByIdAsync(id, actor, ct)).ToOk(text) : cleared.Failure!.ToProblem(text);
            })
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: it was not a complaint after all; the reason is required and stays on the case's timeline. The file is kept (legal hold).")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapPut("/{id:guid}/awareness", async (Guid id, CorrectAwareness.Request request, ClaimsPrincipal user, CorrectAwareness correct, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var corrected = await correct.RunAsync(id, request, actor, ct);
                return corrected.Succeeded ? (await get.ByIdAsync(id, actor, ct)).ToOk(text) : corrected.Failure!.ToProblem(text);
            })
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: correct when the maker became aware (not in the future), with a reason kept on the timeline.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapComplaintFileEndpoints();
        app.MapRedFlagsEndpoints();
        app.MapComplaintReportsEndpoints();
        return app;
    }
}
