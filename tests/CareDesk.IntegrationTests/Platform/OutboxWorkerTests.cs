using CareDesk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>The outbox end to end: a change and its message saved together, delivered by the running worker.</summary>
public sealed class OutboxWorkerTests(OutboxHost app) : IClassFixture<OutboxHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_message_saved_with_a_change_is_delivered_once_by_the_background_worker()
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var messageId = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.OrderBy(u => u.Email).FirstAsync();
            user.DisplayName = "Renamed with a notice";
            var message = TestOutboxHandler.Message(TestDelivery.Succeeds, now);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        await Eventually.HoldsAsync(
            async () => (await app.FindMessageAsync(messageId))?.DeliveredAt is not null, Patience, "the worker marks the message delivered");

        var delivered = await app.FindMessageAsync(messageId);
        Assert.Equal(1, app.Handler.DeliveriesOf(messageId));
        Assert.Equal(1, delivered!.Attempts);
        Assert.Null(delivered.FailedAt);
        Assert.Null(delivered.LockedBy);
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_neither_the_change_nor_its_message()
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (userId, nameBefore, messageId) = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.OrderByDescending(u => u.Email).FirstAsync();
            var before = user.DisplayName;
            await using var transaction = await db.Database.BeginTransactionAsync();
            user.DisplayName = "Never committed";
            var message = TestOutboxHandler.Message(TestDelivery.Succeeds, now);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return (user.Id, before, message.Id);
        });

        Assert.Null(await app.FindMessageAsync(messageId));
        var nameAfter = await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(nameBefore, nameAfter);
        Assert.Equal(0, app.Handler.AttemptsOf(messageId));
    }
}
