using System.Security.Claims;
using CareDesk.Features.NothingLost;
using CareDesk.Features.People;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Live;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>Reportability on stored complaints (F17): guided facts, later information, the decision, the obligations and their due list.</summary>
internal static class ReportingEndpoints
{
    public static IServiceCollection AddComplaintReporting(this IServiceCollection services)
    {
        services.AddOptions<ObligationOptions>()
            .BindConfiguration(ObligationOptions.Section, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<DecideReportability>();
        // After the complaint file's default (AddComplaints runs first; the last registration wins): closing asks the stored obligations.
        services.AddScoped<ComplaintFile.IComplaintReports, StoredObligationReports>();
        services.AddScoped<RecordFacts>();
        services.AddScoped<AddInformation>();
        services.AddScoped<GetReportability>();
        services.AddScoped<ListObligations>();
        services.AddScoped<SubmitObligation>();
        services.AddScoped<ObligationAlerts>();
        services.AddScoped<ObligationDeadlines>();
        services.AddLiveChannel<ObligationAlertHub>();
        services.AddScoped<IOutboxHandler, ObligationEmail>();
        services.AddScoped<IFindingRule, OverdueObligationRule>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintReportingEndpoints(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints");
        complaints.MapPut("/{id:guid}/facts", async (Guid id, RecordFacts.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, RecordFacts record, GetReportability get, IStringLocalizer<ReportingText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var recorded = await record.RunAsync(id, request, actor, ct);
                return await recorded.ToOkAsync(text, _ => get.RunAsync(id, actor, ComplaintsEndpoints.Masked(user, options), ct));
            })
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Record the caller's answers to the guided facts (each yes/no/unknown, who and when, history kept) and the product, event date, event country and EU member state (replaced as sent; version required). Answers the decision again.")
            .Produces<GetReportability.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapPost("/{id:guid}/information", async (Guid id, AddInformation.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, AddInformation add, GetReportability get, IStringLocalizer<ReportingText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var added = await add.RunAsync(id, request, actor, ct);
                return await added.ToOkAsync(text, _ => get.RunAsync(id, actor, ComplaintsEndpoints.Masked(user, options), ct));
            })
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Later information (receipt time, source, facts, text): stored, and the complaint decided again; supplemental and supplementary reports count from its receipt.")
            .Produces<GetReportability.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapGet("/{id:guid}/reportability", async (Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, GetReportability get, IStringLocalizer<ReportingText> text, CancellationToken ct) =>
                (await get.RunAsync(id, StaffActor.From(user), ComplaintsEndpoints.Masked(user, options), ct)).ToOk(text))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Is this complaint reportable in the US, the EU and China, as what, by when: the engine on the stored facts and the product's regulatory profile, with what each market's report still misses, the stored obligations and the decision history (a changed decision is stored). An outsourced agent reads later information's text (the caller's words) as ***.")
            .Produces<GetReportability.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var obligations = app.MapGroup("/api/obligations").WithTags("Obligations");
        obligations.MapGet("/", async ([AsParameters] ListObligations.Query query, ClaimsPrincipal user, ListObligations list, IStringLocalizer<ReportingText> text, CancellationToken ct) =>
                (await list.RunAsync(query, UserClock.ZoneOf(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.Quality)
            .WithSummary("The due list: reports owed to regulators by due time (status open — overdue included —, overdue, submitted, withdrawn; market US/EU/CN; dueBefore), due times in the viewer's zone with the seconds left.")
            .Produces<ListObligations.View>()
            .ProducesValidationProblem();

        obligations.MapPost("/{id:guid}/submit", async (Guid id, SubmitObligation.Request request, ClaimsPrincipal user, SubmitObligation submit, IStringLocalizer<ReportingText> text, CancellationToken ct) =>
                (await submit.RunAsync(id, request, StaffActor.From(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: the report went out, with the regulator's reference number; it leaves the due list and its alerts stop.")
            .Produces<GetReportability.ObligationView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
