using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform.Outbox;

internal static class OutboxSetup
{
    public static IServiceCollection AddCareDeskOutbox(this IServiceCollection services)
    {
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
