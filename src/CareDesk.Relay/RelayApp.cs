using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareDesk.Relay;

/// <summary>The relay's composition: settings, the spool, the deliveries and the input endpoint.</summary>
public static class RelayApp
{
    /// <summary>The relay as a web application; <paramref name="configure"/> lets a test change settings or services.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        // The outage log says what matters; a line per request in or out would drown it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.WebHost.UseUrls(builder.Configuration[$"{RelayOptions.Section}:{nameof(RelayOptions.Listen)}"] ?? new RelayOptions().Listen);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = EventIntake.MaxBodyBytes);
        builder.Services.AddRelay(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapEventIntake();
        return app;
    }

    public static IServiceCollection AddRelay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RelayOptions>().Bind(configuration.GetSection(RelayOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RelayOptions>, RelayOptionsValidation>();
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Spool>();
        services.AddSingleton<Backoff>();
        services.AddSingleton<OutageLog>();
        services.AddSingleton(sp => new CareDeskWebhook(
            // Our own client, not IHttpClientFactory's: its handler logs every attempt, and an outage is one line here.
            new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = sp.GetRequiredService<IOptions<RelayOptions>>().Value.RequestTimeout,
                AutomaticDecompression = DecompressionMethods.None,
            })
            { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<IOptions<RelayOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Deliveries>();
        services.AddHostedService(sp => sp.GetRequiredService<Deliveries>());
        return services;
    }
}
