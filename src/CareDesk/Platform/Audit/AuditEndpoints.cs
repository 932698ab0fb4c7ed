using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform.Audit;

internal static class AuditEndpoints
{
    public static IServiceCollection AddCareDeskAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<SearchAuditLog>();
        services.AddScoped<AuditSentences>();
        services.AddScoped<CircuitHandler, AuditCircuitHandler>();
        services.AddSingleton<AuditSealer>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditSealer>());
        services.AddSingleton<IInterceptor, AuditSealSignal>();
        return services;
    }

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);

        group.MapGet("/", SearchAsync)
            .WithSummary("Search the audit log by actor, entity and time (newest first).");

        group.MapGet("/verify", async (AuditChainVerifier verifier, CancellationToken ct) =>
                TypedResults.Ok(await verifier.VerifyAsync(ct)))
            .WithSummary("Recompute the hash chain; reports the first entry where it breaks.");

        return app;
    }

    private static async Task<Results<Ok<SearchAuditLog.Page>, ValidationProblem>> SearchAsync(
        SearchAuditLog search,
        CancellationToken cancellationToken,
        string? actor = null,
        string? entityType = null,
        string? entityId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        long? before = null,
        int pageSize = 50)
    {
        if (pageSize is < 1 or > SearchAuditLog.MaxPageSize)
        {
            return Validation.Problem(nameof(pageSize), $"Must be between 1 and {SearchAuditLog.MaxPageSize}.");
        }

        if (from is { } f && to is { } t && t <= f)
        {
            return Validation.Problem(nameof(to), "Must be later than 'from'.");
        }

        var page = await search.RunAsync(new SearchAuditLog.Query(actor, entityType, entityId, from, to, before, pageSize), cancellationToken);
        return TypedResults.Ok(page);
    }
}
