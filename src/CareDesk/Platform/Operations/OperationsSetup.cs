using System.Net;
using CareDesk.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CareDesk.Platform.Operations;

internal static class OperationsSetup
{
    public const string MeterName = "CareDesk";

    /// <summary>Structured logs (Serilog), traces and metrics (OpenTelemetry), health checks.</summary>
    public static IHostApplicationBuilder AddCareDeskOperations(this IHostApplicationBuilder builder)
    {
        var jsonLogs = string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddSerilog((services, logger) =>
        {
            // Sinks registered as services too (a test's capture of what is logged).
            logger.ReadFrom.Configuration(builder.Configuration)
                .ApplyStandardLevels(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (jsonLogs)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }

            // A file as well, for a shipper that tails files rather than the journal: one file a day, two weeks kept.
            if (builder.Configuration["Logging:File"] is { Length: > 0 } file)
            {
                if (jsonLogs)
                {
                    logger.WriteTo.File(new RenderedCompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
                }
                else
                {
                    logger.WriteTo.File(file, formatProvider: System.Globalization.CultureInfo.InvariantCulture, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
                }
            }
        });

        // One line per request as ever, at Error for a 5xx, except a 503 that asks the client to retry: that is the
        // database being away, already said once for the whole outage (Platform/Data/DatabaseOutage).
        builder.Services.Configure<RequestLoggingOptions>(options => options.GetLevel = (context, _, error) =>
            error is not null || (context.Response.StatusCode > 499
                && !(context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && context.Response.Headers.RetryAfter.Count > 0))
                ? LogEventLevel.Error
                : LogEventLevel.Information);

        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(MeterName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (telemetry.OtlpEndpoint is { } endpoint)
        {
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, endpoint);
        }

        builder.Services.AddOptions<ReverseProxyOptions>()
            .Bind(builder.Configuration.GetSection(ReverseProxyOptions.Section), binder => binder.ErrorOnUnknownConfiguration = true)
            .Validate(
                proxies => proxies.TrustedProxies.All(ReverseProxyOptions.IsAddressOrNetwork),
                $"{ReverseProxyOptions.Section}:{nameof(ReverseProxyOptions.TrustedProxies)} takes IP addresses (10.0.0.5) or networks (10.0.0.0/24).")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxies) =>
        {
            var trusted = proxies.Value.TrustedProxies.Where(ReverseProxyOptions.IsAddressOrNetwork).ToList();
            if (trusted.Count == 0)
            {
                return;
            }

            // Only the listed proxies: not the framework's default of any loopback address.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
            }
        });

        builder.Services.AddScoped<InstanceBackup>();

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<CareDeskDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>The client's address and scheme as the trusted proxies forwarded them (<see cref="ReverseProxyOptions"/>).</summary>
    public static IApplicationBuilder UseReverseProxyHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: it can reach its database.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
