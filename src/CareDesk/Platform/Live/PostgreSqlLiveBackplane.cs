using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using CareDesk.Platform.Data;
using CareDesk.Platform.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareDesk.Platform.Live;

/// <summary>
/// Several nodes on PostgreSQL: a push is delivered to this node's desktops at once, then sent to the others as a
/// <c>NOTIFY caredesk_live</c> (<see cref="LiveNotice"/>) that every node's <see cref="PostgreSqlLiveListener"/> hands
/// to its own desktops; this node's listener skips the notices that name this <see cref="Node"/>, so each desktop
/// gets a push once. Notices leave in the order they were published, several to a round trip, from one loop.
/// </summary>
internal sealed partial class PostgreSqlLiveBackplane(IOptions<DatabaseOptions> database, ILogger<PostgreSqlLiveBackplane> logger)
    : BackgroundService, ILiveBackplane
{
    private const int MaxPerRoundTrip = 100;

    private static readonly Meter Meter = new(OperationsSetup.MeterName);
    private static readonly Counter<long> Notices = Meter.CreateCounter<long>(
        "caredesk.live.backplane.notices", "{notice}", "Live pushes sent to, received from or dropped on the way to other nodes");

    // Bounded: while the database is away nothing piles up without end (the loop drops what it cannot send).
    private readonly Channel<(string Channel, string Payload)> outgoing = Channel.CreateBounded<(string Channel, string Payload)>(new BoundedChannelOptions(10_000) { SingleReader = true });

    private long sequence;

    /// <summary>This process among the app nodes; new at every start.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    public void Publish<T>(UserChannel<T> channel, string userId, T message)
    {
        channel.Deliver(userId, message);
        var payload = new LiveNotice(Node, Interlocked.Increment(ref sequence), channel.Name, userId,
            JsonSerializer.SerializeToElement(message, LiveNotice.Json)).ToPayload();
        if (!LiveNotice.Fits(payload))
        {
            // Never cut short: a pop with half a message is worse than one shown only where it was published.
            Dropped(channel.Name, "too-large");
            LogTooLarge(logger, channel.Name, payload.Length);
            return;
        }

        if (!outgoing.Writer.TryWrite((channel.Name, payload)))
        {
            Dropped(channel.Name, "queue-full");
            LogQueueFull(logger, channel.Name);
        }
    }

    internal static void Count(string direction, string channel) =>
        Notices.Add(1, new KeyValuePair<string, object?>("caredesk.live.direction", direction), new KeyValuePair<string, object?>("caredesk.live.channel", channel));

    private static void Dropped(string channel, string reason) =>
        Notices.Add(1, new KeyValuePair<string, object?>("caredesk.live.direction", "dropped"),
            new KeyValuePair<string, object?>("caredesk.live.channel", channel), new KeyValuePair<string, object?>("caredesk.live.reason", reason));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Value.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        var batch = new List<(string Channel, string Payload)>(MaxPerRoundTrip);
        var failing = false;
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxPerRoundTrip && outgoing.Reader.TryRead(out var notice))
                {
                    batch.Add(notice);
                }

                try
                {
                    await SendAsync(batch, stoppingToken);
                    foreach (var (channel, _) in batch)
                    {
                        Count("sent", channel);
                    }

                    if (failing)
                    {
                        LogSending(logger);
                        failing = false;
                    }
                }
                catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
                {
                    // At most once: the desktops on this node have it, the others miss it (they show the change when
                    // next loaded). One line per outage, not one per push.
                    foreach (var (channel, _) in batch)
                    {
                        Dropped(channel, "database");
                    }

                    if (!failing)
                    {
                        LogNotSending(logger, exception.GetType().Name);
                        failing = true;
                    }
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(List<(string Channel, string Payload)> notices, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var notify = new NpgsqlBatch(connection);
        foreach (var (_, payload) in notices)
        {
            notify.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
            {
                Parameters = { new() { Value = LiveNotice.PostgreSqlChannel }, new() { Value = payload } },
            });
        }

        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live {Channel} of {Bytes} characters is too large for PostgreSQL NOTIFY: shown on this node only")]
    private static partial void LogTooLarge(ILogger logger, string channel, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live {Channel} was not sent to the other nodes: too many pushes waiting")]
    private static partial void LogQueueFull(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not sending live pushes to the other nodes ({Error}); they are shown on this node only until the database answers")]
    private static partial void LogNotSending(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending live pushes to the other nodes again")]
    private static partial void LogSending(ILogger logger);
}
