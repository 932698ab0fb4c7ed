using System.Security.Claims;
using CareDesk.Features.Complaints.ComplaintFile;
using CareDesk.Features.Complaints.Exports;
using CareDesk.Features.Complaints.RedFlags;
using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

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
        services.AddScoped<AnswerScreening>();
        services.AddRedFlags();
        services.AddComplaintReports();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/complaint", async (Guid id, FlagComplaint.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, FlagComplaint flag, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var flagged = await flag.RunAsync(id, request, actor, UserClock.ZoneOf(user), ct);
                return await flagged.ToOkAsync(text, v => get.ByIdAsync(v, actor, Masked(user, options), ct));
            })
            .WithTags("Complaints")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Screening said yes: open the case's complaint file (awareness = the start of contactId, which must be on the case; without it, now) and make the case a complaint. Flagging again changes nothing.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/cases/{id:guid}/complaint", async (Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
                (await get.ForCaseAsync(id, StaffActor.From(user), Masked(user, options), ct)).ToOk(text))
            .WithTags("Complaints")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The case's complaint file; 404 when the case holds no complaint.")
            .Produces<GetComplaint.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints");
        complaints.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
                (await get.ByIdAsync(id, StaffActor.From(user), Masked(user, options), ct)).ToOk(text))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("One complaint file. An outsourced agent reads the caller's words (file.narrative) as *** (People:MaskForOutsourcedAgents).")
            .Produces<GetComplaint.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapPost("/{id:guid}/clear", async (Guid id, ClearComplaint.Request request, ClaimsPrincipal user, ClearComplaint clear, GetComplaint get, IStringLocalizer<ComplaintsText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var cleared = await clear.RunAsync(id, request, actor, ct);
                // Quality only: never a masked viewer.
                return await cleared.ToOkAsync(text, _ => get.ByIdAsync(id, actor, masked: false, ct));
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
                return await corrected.ToOkAsync(text, _ => get.ByIdAsync(id, actor, masked: false, ct));
            })
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: correct when the maker became aware (not in the future), with a reason kept on the timeline.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/contacts/{id:guid}/screening", async (Guid id, AnswerScreening.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, AnswerScreening answer, IStringLocalizer<ContactsText> text, CancellationToken ct) =>
                (await answer.RunAsync(id, request, PersonViewer.From(user, options.Value), UserClock.ZoneOf(user), ct)).ToOk(text))
            .WithTags("Contacts")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Answer a recorded contact's screening question later (deviceProblemAlleged yes|no; who and when kept): the phone system's calls come without it. yes flags the complaint of caseId (default: the one open case the contact is on; 400 naming caseId when it is on several) with the contact's start as awareness. The same answer again retries the link and flag; a different one is a 409.")
            .Produces<ContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapComplaintFileEndpoints();
        app.MapRedFlagsEndpoints();
        app.MapComplaintReportsEndpoints();
        return app;
    }

    /// <summary>Whether the caller reads personal data masked (an outsourced agent): the caller's words are hidden then.</summary>
    internal static bool Masked(ClaimsPrincipal user, IOptions<PeopleOptions> options) => PersonViewer.From(user, options.Value).Masked;
}
