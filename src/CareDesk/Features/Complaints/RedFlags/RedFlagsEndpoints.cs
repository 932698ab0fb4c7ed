using System.Security.Claims;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.RedFlags;

internal static class RedFlagsEndpoints
{
    public static IServiceCollection AddRedFlags(this IServiceCollection services)
    {
        services.AddScoped<RecordRedFlags>();
        services.AddScoped<GetRedFlags>();
        services.AddScoped<RedFlagScripts>();
        services.AddScoped<SaveRedFlagScripts>();
        return services;
    }

    public static IEndpointRouteBuilder MapRedFlagsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/red-flags", async (Guid id, RecordRedFlags.Request request, ClaimsPrincipal user, RecordRedFlags record, IStringLocalizer<RedFlagsText> text, CancellationToken ct) =>
                (await record.RunAsync(id, request, StaffActor.From(user), ct)).ToOk(text))
            .WithTags("Complaints")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Clinical red flags asked at intake: answers { flag: yes|no|unknown } (hypoglycemia, hyperglycemia, lossOfConsciousness, injury, emergencyVisitOrHospitalStay, death), optionally in contactId (on the case). Any yes makes the case urgent and escalates it at once to the on-duty expert; the answer carries the escalation and the scripts to read to the caller now, in the agent's language.")
            .Produces<RecordRedFlags.Recorded>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/cases/{id:guid}/red-flags", async (Guid id, ClaimsPrincipal user, GetRedFlags get, IStringLocalizer<RedFlagsText> text, CancellationToken ct) =>
                (await get.RunAsync(id, StaffActor.From(user), ct)).ToOk(text))
            .WithTags("Complaints")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The red-flag questions in the agent's language and every answer recorded on the case (question as asked, answer, who, when), newest first.")
            .Produces<GetRedFlags.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var scripts = app.MapGroup("/api/red-flags/scripts").WithTags("Complaints");
        scripts.MapGet("/", async (RedFlagScripts list, CancellationToken ct) => TypedResults.Ok(await list.ListAsync(ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("What agents tell the caller when a red flag is yes: per red flag, English and Chinese, and whether an administrator changed the shipped default.")
            .Produces<RedFlagScripts.Overview>();

        scripts.MapPut("/", async (SaveRedFlagScripts.Request request, ClaimsPrincipal user, SaveRedFlagScripts save, RedFlagScripts list, IStringLocalizer<RedFlagsText> text, CancellationToken ct) =>
            {
                var saved = await save.RunAsync(request, StaffActor.From(user), ct);
                return saved.Succeeded ? TypedResults.Ok(await list.ListAsync(ct)) : saved.Failure!.ToProblem(text);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Admins: rewrite the scripts of the red flags listed ({ scripts: [ { flag, english, chinese } ] }); the others keep theirs. Audited.")
            .Produces<RedFlagScripts.Overview>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
