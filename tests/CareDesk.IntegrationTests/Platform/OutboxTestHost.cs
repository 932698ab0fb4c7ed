using System.Collections.Concurrent;
using System.Text.Json;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>How a test message asks <see cref="TestOutboxHandler"/> to behave.</summary>
public sealed record TestDelivery(int TransientFailures = 0, bool Refused = false)
{
    public static TestDelivery Succeeds => new();

    public static TestDelivery FailsTimes(int failures) => new(TransientFailures: failures);

    public static TestDelivery FailsAlways => new(TransientFailures: int.MaxValue);

    public static TestDelivery RefusedForGood => new(Refused: true);
}

/// <summary>
/// The outbox handler of the test hosts. Each message's payload says how its delivery goes and every attempt is
/// counted per message, so tests sharing a host never read each other's results.
/// </summary>
public sealed class TestOutboxHandler : IOutboxHandler
{
    public const string MessageType = "test";

    private readonly ConcurrentDictionary<Guid, int> attempts = new();
    private readonly ConcurrentDictionary<Guid, int> deliveries = new();
    private readonly ConcurrentDictionary<Guid, Hold> holds = new();

    public string Type => MessageType;

    public static OutboxMessage Message(TestDelivery delivery, DateTimeOffset now) =>
        OutboxMessage.Create(MessageType, JsonSerializer.Serialize(delivery), now);

    public int AttemptsOf(Guid messageId) => attempts.GetValueOrDefault(messageId);

    public int DeliveriesOf(Guid messageId) => deliveries.GetValueOrDefault(messageId);

    /// <summary>Keeps the next delivery of a message in flight until released, so a test can act meanwhile.</summary>
    public Hold HoldDelivery(Guid messageId) => holds.GetOrAdd(messageId, _ => new Hold());

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var attempt = attempts.AddOrUpdate(message.Id, 1, (_, count) => count + 1);
        if (holds.TryRemove(message.Id, out var hold))
        {
            hold.Entered.TrySetResult();
            await hold.Released.Task.WaitAsync(cancellationToken);
        }

        var delivery = JsonSerializer.Deserialize<TestDelivery>(message.Payload)
            ?? throw new PermanentDeliveryFailureException("Empty test payload.");
        if (delivery.Refused)
        {
            throw new PermanentDeliveryFailureException("Refused by the test handler.");
        }

        if (attempt <= delivery.TransientFailures)
        {
            throw new HttpRequestException($"Transient failure {attempt}.");
        }

        deliveries.AddOrUpdate(message.Id, 1, (_, count) => count + 1);
    }

    public sealed class Hold
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The real host, delivering its outbox through <see cref="TestOutboxHandler"/> with the background worker.</summary>
public class OutboxHost : CareDeskFactory
{
    public TestOutboxHandler Handler { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Scheduling:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IOutboxHandler>(Handler));
    }

    public Task<Guid> AddMessageAsync(OutboxMessage message) => WithDbAsync(async db =>
    {
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    public Task<OutboxMessage?> FindMessageAsync(Guid id) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id));
}

/// <summary>
/// The outbox with its worker off and a clock moved by hand: tests run the dispatcher themselves, as one node or
/// as several, so retries and backoff are exact.
/// </summary>
public sealed class ManualOutboxHost : OutboxHost
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(10);
    public const int MaxAttempts = 3;

    public ManualOutboxHost()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    }

    public FakeTimeProvider Time => Clock!;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Scheduling:Enabled"] = "false",
        ["Outbox:Enabled"] = "false",
        ["Outbox:InitialBackoff"] = InitialBackoff.ToString(),
        ["Outbox:MaxBackoff"] = "00:01:00",
        ["Outbox:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Runs passes until nothing due is left, as the worker would at this instant; returns how many were handled.</summary>
    public static async Task<int> DrainAsync(OutboxDispatcher node)
    {
        var total = 0;
        int handled;
        while ((handled = await node.DispatchDueAsync(CancellationToken.None)) > 0)
        {
            total += handled;
        }

        return total;
    }

    public async Task<int> DrainAsync()
    {
        await using var node = Services.CreateAsyncScope();
        return await DrainAsync(node.ServiceProvider.GetRequiredService<OutboxDispatcher>());
    }
}
