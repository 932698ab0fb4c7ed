using System.Text.Json;
using CareDesk.Platform.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareDesk.Platform.Live;

/// <summary>
/// This node's one listening connection (<c>application_name</c> <see cref="ApplicationName"/>): hands every
/// <see cref="LiveNotice"/> another node sent to the named channel's desktops here. A dropped connection is opened
/// again at once, then every <see cref="RetryAfter"/> while the database does not answer; what is notified meanwhile
/// does not reach this node (at most once).
/// </summary>
internal sealed partial class PostgreSqlLiveListener(
    PostgreSqlLiveBackplane backplane,
    IEnumerable<ILiveChannel> channels,
    IOptions<DatabaseOptions> database,
    TimeProvider time,
    ILogger<PostgreSqlLiveListener> logger) : BackgroundService
{
    public const string ApplicationName = "caredesk-live";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, ILiveChannel> byName = ByName(channels);

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
            ApplicationName = ApplicationName,
        }.ConnectionString;
        var failedAttempts = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, notice) => Receive(notice.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveNotice.PostgreSqlChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(logger, backplane.Node, failedAttempts > 0);
                failedAttempts = 0;
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
                // One line per drop, not one per retry.
                if (failedAttempts == 0)
                {
                    LogNotListening(logger, exception.GetType().Name);
                }

                // A connection that was listening is opened again at once (a restarted server, a killed backend);
                // then the retries wait, so a database that is away is not hammered.
                if (failedAttempts++ > 0)
                {
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
    }

    private void Receive(string payload)
    {
        var notice = LiveNotice.Read(payload);
        if (notice is null)
        {
            LogUnreadable(logger);
            return;
        }

        // This node delivered its own pushes when it published them.
        if (notice.Node == backplane.Node)
        {
            return;
        }

        if (!byName.TryGetValue(notice.Channel, out var channel))
        {
            LogUnknownChannel(logger, notice.Channel);
            return;
        }

        PostgreSqlLiveBackplane.Count("received", channel.Name);
        LogReceived(logger, channel.Name, notice.Node);
        try
        {
            channel.DeliverFromAnotherNode(notice.User, notice.Message);
        }
        catch (JsonException error)
        {
            // A node of another version during an upgrade may send a message this one cannot read.
            LogUnreadableMessage(logger, error, channel.Name);
        }
    }

    private static Dictionary<string, ILiveChannel> ByName(IEnumerable<ILiveChannel> channels)
    {
        var byName = new Dictionary<string, ILiveChannel>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            if (!byName.TryAdd(channel.Name, channel) && !ReferenceEquals(byName[channel.Name], channel))
            {
                throw new InvalidOperationException($"Two live channels are named {channel.Name}: a notice between nodes could not tell them apart.");
            }
        }

        return byName;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receiving live pushes from the other nodes as node {Node} (again: {Again})")]
    private static partial void LogListening(ILogger logger, string node, bool again);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not receiving live pushes from the other nodes ({Error}); reconnecting, pushes sent meanwhile do not reach this node's desktops")]
    private static partial void LogNotListening(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live {Channel} received from node {Node}")]
    private static partial void LogReceived(ILogger logger, string channel, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notice on the live channel was not a live push: ignored")]
    private static partial void LogUnreadable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live push for channel {Channel}, unknown on this node: ignored")]
    private static partial void LogUnknownChannel(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live {Channel} from another node could not be read: ignored")]
    private static partial void LogUnreadableMessage(ILogger logger, Exception error, string channel);
}
