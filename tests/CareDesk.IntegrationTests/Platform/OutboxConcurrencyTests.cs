using CareDesk.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>Several nodes draining one outbox: the claim is what keeps them from delivering a message twice.</summary>
public sealed class OutboxConcurrencyTests(ManualOutboxHost app, ITestOutputHelper output) : IClassFixture<ManualOutboxHost>
{
    [Fact]
    public async Task Two_nodes_draining_200_messages_at_once_deliver_each_exactly_once()
    {
        var now = app.Time.GetUtcNow();
        var ids = await app.WithDbAsync(async db =>
        {
            var messages = Enumerable.Range(0, 200).Select(_ => TestOutboxHandler.Message(TestDelivery.Succeeds, now)).ToList();
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        });

        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var nodeA = scopeA.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        var nodeB = scopeB.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        var handled = await Task.WhenAll(
            Task.Run(() => ManualOutboxHost.DrainAsync(nodeA)),
            Task.Run(() => ManualOutboxHost.DrainAsync(nodeB)));
        output.WriteLine($"node A handled {handled[0]}, node B handled {handled[1]}");

        Assert.Equal(200, handled.Sum());
        Assert.All(ids, id => Assert.Equal(1, app.Handler.AttemptsOf(id)));
        Assert.All(ids, id => Assert.Equal(1, app.Handler.DeliveriesOf(id)));
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.Equal(200, rows.Count);
        Assert.All(rows, m =>
        {
            Assert.NotNull(m.DeliveredAt);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.LockedBy);
        });
    }
}
