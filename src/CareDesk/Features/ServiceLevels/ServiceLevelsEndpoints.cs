using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.ServiceLevels;

internal static class ServiceLevelsEndpoints
{
    public static IServiceCollection AddServiceLevels(this IServiceCollection services)
    {
        services.AddScoped<CaseClocks>();
        services.AddScoped<ServiceLevelDeadlines>();
        services.AddScoped<ServiceLevelSettings>();
        services.AddDataSeeder<ServiceLevelSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapServiceLevelsEndpoints(this IEndpointRouteBuilder app)
    {
        var levels = app.MapGroup("/api/service-levels").WithTags("Service levels").RequireAuthorization(Policies.Staff);

        levels.MapGet("/", async (ServiceLevelSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.ListAsync(ct)))
            .WithSummary("Business calendars and service-level policies (targets in business minutes per case type and priority; null matches any).")
            .Produces<ServiceLevelSettings.Overview>();

        levels.MapPost("/calendars", async (ServiceLevelSettings.CalendarInput input, ServiceLevelSettings settings, IStringLocalizer<ServiceLevelsText> text, CancellationToken ct) =>
            {
                var saved = await settings.SaveCalendarAsync(null, input, ct);
                return saved.ToCreated(text, v => $"/api/service-levels/calendars/{v.Id}");
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Add a business calendar (supervisors): id, name, alwaysOpen or office hours per weekday in an IANA timeZone, holidayCountry, closedDays, extraWorkingDays.")
            .Produces<ServiceLevelSettings.CalendarView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        levels.MapPut("/calendars/{id}", async (string id, ServiceLevelSettings.CalendarInput input, ServiceLevelSettings settings, IStringLocalizer<ServiceLevelsText> text, CancellationToken ct) =>
                (await settings.SaveCalendarAsync(id, input, ct)).ToOk(text))
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Change a business calendar (supervisors); send the version you read (409 if it changed). Running clocks use it when their due times are next recomputed.")
            .Produces<ServiceLevelSettings.CalendarView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        levels.MapPost("/policies", async (ServiceLevelSettings.PolicyInput input, ServiceLevelSettings settings, IStringLocalizer<ServiceLevelsText> text, CancellationToken ct) =>
            {
                var saved = await settings.SavePolicyAsync(null, input, ct);
                return saved.ToCreated(text, v => $"/api/service-levels/policies/{v.Id}");
            })
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Add a policy (supervisors): caseType and/or priority (null: any), calendarId, firstResponseMinutes, callbackMinutes, resolutionMinutes, warnShare in (0, 1).")
            .Produces<ServiceLevelSettings.PolicyView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        levels.MapPut("/policies/{id:guid}", async (Guid id, ServiceLevelSettings.PolicyInput input, ServiceLevelSettings settings, IStringLocalizer<ServiceLevelsText> text, CancellationToken ct) =>
                (await settings.SavePolicyAsync(id, input, ct)).ToOk(text))
            .RequireAuthorization(Policies.Supervision)
            .WithSummary("Change a policy (supervisors); send the version you read (409 if it changed). Cases opened afterwards get the new targets.")
            .Produces<ServiceLevelSettings.PolicyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
