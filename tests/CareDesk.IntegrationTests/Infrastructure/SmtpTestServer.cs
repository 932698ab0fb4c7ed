using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server in this process (the SmtpServer package) on a free loopback port: keeps every message it
/// accepts, and answers chosen recipients with a chosen reply (a 4xx "try later", a 5xx "no such user") when told.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Store store = new();
    private readonly Task running;

    public SmtpTestServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. store.Received];

    /// <summary>The next <paramref name="times"/> messages to <paramref name="address"/> are answered with <paramref name="code"/>.</summary>
    public void Answer(string address, int code, int times)
    {
        var replies = store.Refusals.GetOrAdd(address.ToLowerInvariant(), _ => new ConcurrentQueue<SmtpResponse>());
        for (var i = 0; i < times; i++)
        {
            replies.Enqueue(new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "5.1.1 No such user" : "4.3.0 Try again later"));
        }
    }

    /// <summary>How many times a message to <paramref name="address"/> was refused.</summary>
    public int RefusedFor(string address) => store.RefusedCount.GetValueOrDefault(address.ToLowerInvariant());

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public ConcurrentDictionary<string, ConcurrentQueue<SmtpResponse>> Refusals { get; } = new();

        public ConcurrentDictionary<string, int> RefusedCount { get; } = new();

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            foreach (var recipient in transaction.To)
            {
                var address = $"{recipient.User}@{recipient.Host}".ToLowerInvariant();
                if (Refusals.TryGetValue(address, out var replies) && replies.TryDequeue(out var reply))
                {
                    RefusedCount.AddOrUpdate(address, 1, (_, count) => count + 1);
                    return Task.FromResult(reply);
                }
            }

            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
