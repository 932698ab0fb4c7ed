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
        return app;
    }
}
