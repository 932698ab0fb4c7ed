using CareDesk.Platform.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Listens on <see cref="PostgreSqlUserChangeNotifier.Channel"/> and forgets each named user in this node's
/// <see cref="UserStatusCache"/>. While not listening (database down, connection lost) notices are missed, so every
/// (re)connection forgets everything cached; the cache's short lifetime bounds the gap meanwhile.
/// </summary>
internal sealed partial class PostgreSqlUserChangeListener(
    UserStatusCache status,
    IOptions<DatabaseOptions> database,
    TimeProvider time,
    ILogger<PostgreSqlUserChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString)
        {
            // A server that vanished without closing the socket is noticed, not waited on forever.
            KeepAlive = 30,
            Pooling = false,
        }.ConnectionString;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, notice) => status.Forget(notice.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlUserChangeNotifier.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                status.ForgetAll();
                if (failing)
                {
                    LogListening(logger);
                    failing = false;
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
            {
                // One line per outage, not one per retry.
                if (!failing)
                {
                    LogNotListening(logger, exception.GetType().Name);
                    failing = true;
                }

                status.ForgetAll();
                try
                {
                    await Task.Delay(RetryAfter, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not receiving user change notices ({Error}); retrying, user checks fall back to the cache lifetime")]
    private static partial void LogNotListening(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Receiving user change notices again")]
    private static partial void LogListening(ILogger logger);
}
