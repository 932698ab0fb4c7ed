using CareDesk.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Live;

public static class LiveSetup
{
    /// <summary>The backplane of the live pushes: in process on SQLite (one node), PostgreSQL LISTEN/NOTIFY on PostgreSQL.</summary>
    public static IServiceCollection AddCareDeskLive(this IServiceCollection services)
    {
        services.AddSingleton<PostgreSqlLiveBackplane>();
        services.Replace(ServiceDescriptor.Singleton<ILiveBackplane>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSql
                ? provider.GetRequiredService<PostgreSqlLiveBackplane>()
                : InProcessLiveBackplane.Instance));
        // Both return at once on SQLite.
        services.AddHostedService(provider => provider.GetRequiredService<PostgreSqlLiveBackplane>());
        services.AddHostedService<PostgreSqlLiveListener>();
        return services;
    }

    /// <summary>
    /// Registers a feature's hub (a <see cref="UserChannel{T}"/>) as a singleton that publishes through the backplane
    /// and receives what other nodes publish on it. Without <see cref="AddCareDeskLive"/> (a component test) it stays in process.
    /// </summary>
    public static IServiceCollection AddLiveChannel<THub>(this IServiceCollection services)
        where THub : class, ILiveChannel
    {
        services.TryAddSingleton<ILiveBackplane>(InProcessLiveBackplane.Instance);
        services.AddSingleton(provider =>
        {
            var hub = ActivatorUtilities.CreateInstance<THub>(provider);
            hub.UseBackplane(provider.GetRequiredService<ILiveBackplane>());
            return hub;
        });
        services.AddSingleton<ILiveChannel>(provider => provider.GetRequiredService<THub>());
        return services;
    }
}
