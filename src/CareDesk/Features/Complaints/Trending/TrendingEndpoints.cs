using System.Security.Claims;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Live;
using CareDesk.Platform.Outbox;
using CareDesk.Platform.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>IMDRF coding of complaints and their trending (F16 codes, F18).</summary>
internal static class TrendingEndpoints
{
    public static IServiceCollection AddTrending(this IServiceCollection services)
    {
        services.AddScoped<CodeComplaint>();
        services.AddScoped<GetComplaintCodes>();
        services.AddScoped<SetDenominators>();
        services.AddScoped<GetTrend>();
        services.AddScoped<TrendWatch>();
        services.AddScoped<RecheckTrends>();
        services.AddScoped<ListTrendSignals>();
        services.AddLiveChannel<TrendAlertHub>();
        services.AddScoped<IOutboxHandler, TrendAlertEmail>();
        services.AddRecurringJob<TrendRecheckJob>(TrendRecheckJob.Key, TrendRecheckJob.Interval);
        return services;
    }

    public static IEndpointRouteBuilder MapTrendingEndpoints(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints");
        complaints.MapPut("/{id:guid}/codes", async (Guid id, CodeComplaint.Request request, ClaimsPrincipal user, CodeComplaint code, GetComplaintCodes get, IStringLocalizer<TrendingText> text, CancellationToken ct) =>
            {
                var actor = StaffActor.From(user);
                var coded = await code.RunAsync(id, request, actor, ct);
                return await coded.ToOkAsync(text, _ => get.RunAsync(id, actor, ct));
            })
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: the complaint's IMDRF codes — problem (annex A) and healthEffect (annexes E, F) — replace the ones it had; each is checked against the shipped code list (400 naming the code). version is the IMDRF release; modelId the catalog model when the case names no device. Checks the model's trend for each problem code.")
            .Produces<GetComplaintCodes.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapGet("/{id:guid}/codes", async (Guid id, ClaimsPrincipal user, GetComplaintCodes get, IStringLocalizer<TrendingText> text, CancellationToken ct) =>
                (await get.RunAsync(id, StaffActor.From(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The complaint's IMDRF codes with their terms, release, who coded them and when.")
            .Produces<GetComplaintCodes.View>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var trending = app.MapGroup("/api/trending").WithTags("Trending");
        trending.MapGet("/", async (string? modelId, string? code, string? from, string? to, string? format, GetTrend trend, IStringLocalizer<TrendingText> text, CancellationToken ct) =>
            {
                var kind = (format ?? "json").Trim().ToLowerInvariant();
                if (kind is not ("json" or "csv" or "xlsx"))
                {
                    return Failure.Invalid("format", "Trend.FormatUnknown", format ?? "").ToProblem(text);
                }

                var found = await trend.RunAsync(modelId, code, from, to, ct);
                if (!found.Succeeded || kind == "json")
                {
                    return found.ToOk(text);
                }

                var view = found.Value!;
                return kind == "csv"
                    ? TypedResults.File(TrendExport.Csv(view), TrendExport.CsvType, TrendExport.FileName(view, "csv"))
                    : TypedResults.File(TrendExport.Xlsx(view), TrendExport.XlsxType, TrendExport.FileName(view, "xlsx"));
            })
            .RequireAuthorization(Policies.Quality)
            .AllowSignInCookieForReads()
            .WithSummary("The complaint rate of one model for one IMDRF problem code per month (from, to: yyyy-MM; default the last 24 months) with denominators and u-chart limits per 1,000 units; format json, csv or xlsx. A parent code counts the complaints coded with it or any code under it, each once.")
            .Produces<GetTrend.View>()
            .Produces(StatusCodes.Status200OK, contentType: TrendExport.XlsxType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        trending.MapPut("/denominators", async (SetDenominators.Request request, ClaimsPrincipal user, SetDenominators set, IStringLocalizer<TrendingText> text, CancellationToken ct) =>
                (await set.RunAsync(request, StaffActor.From(user), ct)).ToOk(text))
            .RequireAuthorization(Policies.QualityDecisions)
            .WithSummary("Quality only: units of a model in use (or shipped) per month; they win over the device registry's count for those months.")
            .Produces<SetDenominators.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        trending.MapGet("/signals", async (string? modelId, int? limit, ListTrendSignals list, CancellationToken ct) =>
                TypedResults.Ok(await list.RunAsync(modelId, limit ?? 100, ct)))
            .RequireAuthorization(Policies.Quality)
            .WithSummary("Significant rises found, newest first: each an eu-trend-report candidate for quality.")
            .Produces<IReadOnlyList<ListTrendSignals.View>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
