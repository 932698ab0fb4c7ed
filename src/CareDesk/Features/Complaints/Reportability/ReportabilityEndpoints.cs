using System.Security.Claims;
using CareDesk.Features.Complaints.Reportability.Calendars;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.Reportability;

internal static class ReportabilityEndpoints
{
    public static IServiceCollection AddReportability(this IServiceCollection services)
    {
        // The calendars and the engine are built once: no I/O on the assessment path.
        services.TryAddSingleton<IChinaCalendarSource, EmbeddedChinaCalendarSource>();
        services.AddSingleton<RegulatoryCalendars>();
        services.AddSingleton<ReportabilityEngine>();
        services.AddScoped<ChinaCalendars>();
        // In this order: the admins' edits are in force before the check looks for missing years.
        services.AddHostedService<ChinaCalendarRefresh>();
        services.AddHostedService<ChinaCalendarCheck>();
        services.AddScoped<AssessReportability>();
        return services;
    }

    public static IEndpointRouteBuilder MapReportabilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/regulatory").WithTags("Regulatory")
            .MapPost("/assess", async (AssessReportability.Request request, AssessReportability assess, IStringLocalizer<ReportabilityText> text, CancellationToken ct) =>
                (await assess.RunAsync(request, ct)).ToOk(text))
            .RequireAuthorization(Policies.RegulatoryAssessment)
            .WithSummary("What-if: is this event reportable in the US, the EU and China, as what, and by when? Nothing is stored; the request is audited (quality, admin, expert).")
            .Produces<Assessment>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var calendars = app.MapGroup("/api/regulatory/calendars/cn").WithTags("Regulatory");
        calendars.MapGet("", async (ChinaCalendars list, CancellationToken ct) => TypedResults.Ok(await list.ListAsync(ct)))
            .RequireAuthorization(Policies.Quality)
            .WithSummary("China's statutory holidays and make-up working days (调休) per year, shipped or edited by an admin, as the deadlines count them (quality, admin).");
        calendars.MapPut("/{year:int}", async (int year, ChinaCalendars.Request request, ChinaCalendars save, ClaimsPrincipal user, IStringLocalizer<ReportabilityText> text, CancellationToken ct) =>
                (await save.SaveAsync(year, request, StaffActor.From(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Enter or correct one year of China's calendar from the State Council notice (admin). It replaces the shipped year; send the version you read of an edited year (409 if it changed).")
            .Produces<ChinaCalendars.YearView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
