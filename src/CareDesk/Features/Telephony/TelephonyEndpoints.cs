using CareDesk.Platform;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Live;
using CareDesk.Platform.Scheduling;
using CareDesk.Platform.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Telephony;

internal static class TelephonyEndpoints
{
    public static IServiceCollection AddTelephony(this IServiceCollection services)
    {
        services.AddValidatedOptions<TelephonyOptions>(TelephonyOptions.Section);
        services.AddSingleton<TelephonyOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<TelephonyOptions>>(sp => sp.GetRequiredService<TelephonyOptionsSetup>());
        services.AddSingleton<IValidateOptions<TelephonyOptions>>(sp => sp.GetRequiredService<TelephonyOptionsSetup>());
        services.AddLiveChannel<ScreenPopHub>();
        services.AddSingleton<IScreenPopPublisher>(sp => sp.GetRequiredService<ScreenPopHub>());
        services.AddScoped<RecordCallEvent>();
        services.AddScoped<CallerCards>();
        services.AddMemoryCache();
        services.AddSingleton<ScreenPopCards>();
        services.AddScoped<PruneProcessedWebhookEvents>();
        services.AddRecurringJob<PruneProcessedWebhookEventsJob>(PruneProcessedWebhookEventsJob.Key, PruneProcessedWebhookEventsJob.Interval);
        return services;
    }

    public static IEndpointRouteBuilder MapTelephonyEndpoints(this IEndpointRouteBuilder app)
    {
        // Anonymous to the sign-in schemes: the phone system proves itself with the HMAC signature instead.
        app.MapPost("/api/telephony/events", ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Telephony")
            .WithSummary("An event of a call from the phone system, signed with the shared secret (docs/telephony.md).")
            .Accepts<RecordCallEvent.Request>("application/json")
            .Produces<RecordCallEvent.Response>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        IOptions<TelephonyOptions> options,
        TimeProvider time,
        RecordCallEvent recordCallEvent,
        AuditContext audit,
        IStringLocalizer<TelephonyText> text,
        CancellationToken cancellationToken)
    {
        // The signature covers the exact bytes sent, so it is checked on the raw body before any JSON binding.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!WebhookSignature.IsValid(
                options.Value.WebhookSecret!,
                options.Value.AllowedClockSkew,
                time.GetUtcNow(),
                request.Headers[WebhookSignature.TimestampHeader].ToString(),
                request.Headers[WebhookSignature.SignatureHeader].ToString(),
                body.Span))
        {
            return TypedResults.Problem(text["Signature.Invalid"], statusCode: StatusCodes.Status401Unauthorized);
        }

        audit.SetSystem("telephony");
        var parsed = RecordCallEvent.Parse(body.Span);
        if (!parsed.Succeeded)
        {
            return parsed.Failure!.ToProblem(text);
        }

        var result = await recordCallEvent.RunAsync(parsed.Value!, cancellationToken);
        return result.ToOk(text);
    }
}
