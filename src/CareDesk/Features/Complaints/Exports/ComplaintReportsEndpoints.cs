using System.Security.Claims;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.Exports;

internal static class ComplaintReportsEndpoints
{
    public static IServiceCollection AddComplaintReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>()
            .BindConfiguration(ReportOptions.Section, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<ComplaintReportReader>();
        services.AddScoped<ExportComplaintReport>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintReportsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/complaints/{id:guid}/reports/{form}", async (Guid id, string form, string? format, ClaimsPrincipal user, ExportComplaintReport export, IStringLocalizer<ComplaintReportsText> text, CancellationToken ct) =>
            {
                var exported = await export.RunAsync(id, form, format, StaffActor.From(user), ct);
                return exported.Succeeded
                    ? Results.File(exported.Value!.Content, exported.Value.ContentType, exported.Value.FileName)
                    : exported.Failure!.ToProblem(text);
            })
            .WithTags("Complaints")
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: the complaint as one regulator's report — form fda-3500a, eu-mir, eu-fsca or cn-nmpa as format=html (printable, the default) or xlsx; fda-emdr as format=xml (HL7 ICSR, FDA's eMDR schema). Fields the care center does not know are left blank. Audited.")
            .Produces<Stream>(StatusCodes.Status200OK, "text/html", ReportSheetXlsx.ContentType, FdaEmdrXml.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
