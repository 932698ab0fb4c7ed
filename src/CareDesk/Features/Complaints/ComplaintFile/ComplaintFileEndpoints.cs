using System.Security.Claims;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// The complaint file's operations (F16): intake by those who take calls, investigation, return, reply and closure by
/// quality; one event from several reporters, found and linked.
/// </summary>
internal static class ComplaintFileEndpoints
{
    public static IServiceCollection AddComplaintFile(this IServiceCollection services)
    {
        services.AddScoped<ComplaintChanges>();
        services.AddScoped<RecordComplaintFile>();
        services.AddScoped<RecordInvestigation>();
        services.AddScoped<RecordProductReturn>();
        services.AddScoped<ReplyToComplainant>();
        services.AddScoped<CloseComplaint>();
        services.AddScoped<FindSameEvent>();
        services.AddScoped<LinkSameEvent>();
        services.AddScoped<UnlinkSameEvent>();
        services.AddScoped<ComplaintFileMessages>();
        // The regulatory obligations (F17) register the real answer; until then nothing is stored as reported.
        services.TryAddScoped<IComplaintReports, NoStoredReports>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintFileEndpoints(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints");

        complaints.MapPut("/{id:guid}/file", (Guid id, RecordComplaintFile.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, RecordComplaintFile record, GetComplaint get, ComplaintFileMessages text, CancellationToken ct) =>
                ChangeAsync(id, user, options, get, text, actor => record.RunAsync(id, request, actor, ComplaintsEndpoints.Masked(user, options), ct), ct))
            .RequireAuthorization(Policies.ComplaintIntake)
            .WithSummary("Record the intake part of the file: the person's registered device, serial, lot, the UDI as scanned or typed (GS1 or HIBCC; unreadable: 400 naming udi), the patient's involvement and outcome, the caller's words and their language. Replaces what was recorded. An outsourced agent reads the caller's words as *** (masked): sending *** back keeps them; replacing or clearing them is a 403 naming narrative.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapPut("/{id:guid}/investigation", (Guid id, RecordInvestigation.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, RecordInvestigation record, GetComplaint get, ComplaintFileMessages text, CancellationToken ct) =>
                ChangeAsync(id, user, options, get, text, actor => record.RunAsync(id, request, actor, ct), ct))
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: the investigation's findings and, once known, the root cause.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapPut("/{id:guid}/return", (Guid id, RecordProductReturn.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, RecordProductReturn record, GetComplaint get, ComplaintFileMessages text, CancellationToken ct) =>
                ChangeAsync(id, user, options, get, text, actor => record.RunAsync(id, request, actor, ct), ct))
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: the product return (RMA number, sent, received, the analysis of the returned unit).")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapPost("/{id:guid}/reply", (Guid id, ReplyToComplainant.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, ReplyToComplainant reply, GetComplaint get, ComplaintFileMessages text, CancellationToken ct) =>
                ChangeAsync(id, user, options, get, text, actor => reply.RunAsync(id, request, actor, ct), ct))
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: the reply sent to the complainant, in their language, and when. Every reply is kept (file.replies, the latest first); file.reply is the latest sent.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapPost("/{id:guid}/close", (Guid id, CloseComplaint.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, CloseComplaint close, GetComplaint get, ComplaintFileMessages text, CancellationToken ct) =>
                ChangeAsync(id, user, options, get, text, actor => close.RunAsync(id, request, actor, ct), ct))
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: close the file with a reason and a note; needs the investigation's findings (400 naming findings); a complaint that still owes a regulator a report (an open obligation) is refused (409).")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapGet("/{id:guid}/matches", async (Guid id, ClaimsPrincipal user, FindSameEvent find, ComplaintFileMessages text, CancellationToken ct) =>
                (await find.RunAsync(id, StaffActor.From(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Other open complaints that may be the same event: the same device serial or lot, or the same person, aware within 14 days; not those already linked.")
            .Produces<IReadOnlyList<FindSameEvent.Match>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapPost("/{id:guid}/links", (Guid id, LinkSameEvent.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, LinkSameEvent link, GetComplaint get, ComplaintFileMessages text, CancellationToken ct) =>
                ChangeAsync(id, user, options, get, text, actor => link.RunAsync(id, request, actor, ct), ct))
            .RequireAuthorization(Policies.ComplaintIntake)
            .WithSummary("Link another complaint as the same event: the two groups become one, whose primary (the earliest awareness) carries the reports.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapPost("/{id:guid}/unlink", (Guid id, UnlinkSameEvent.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, UnlinkSameEvent unlink, GetComplaint get, ComplaintFileMessages text, CancellationToken ct) =>
                ChangeAsync(id, user, options, get, text, actor => unlink.RunAsync(id, request, actor, ct), ct))
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: take the complaint out of the event it was linked to, with a reason (kept on its case's timeline and audited). If it was the primary, the primary moves to the earliest awareness of those left; one left alone stands alone. 400 naming id when it is not linked.")
            .Produces<GetComplaint.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ChangeAsync(Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, GetComplaint get, ComplaintFileMessages text, Func<StaffActor, Task<Result<Guid>>> change, CancellationToken ct)
    {
        var actor = StaffActor.From(user);
        var changed = await change(actor);
        if (!changed.Succeeded)
        {
            return changed.Failure!.ToProblem(text);
        }

        return (await get.ByIdAsync(id, actor, ComplaintsEndpoints.Masked(user, options), ct)).ToOk(text);
    }
}
