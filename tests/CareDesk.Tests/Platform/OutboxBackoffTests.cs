using CareDesk.Platform.Outbox;

namespace CareDesk.Tests.Platform;

public sealed class OutboxBackoffTests
{
    private static readonly OutboxOptions Settings = new()
    {
        InitialBackoff = TimeSpan.FromSeconds(5),
        MaxBackoff = TimeSpan.FromHours(1),
    };

    [Fact]
    public void The_first_retry_waits_the_initial_backoff() =>
        Assert.Equal(TimeSpan.FromSeconds(5), OutboxDispatcher.Backoff(1, Settings));

    [Theory]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(10, 2560)]
    public void Each_further_attempt_doubles_the_wait(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxDispatcher.Backoff(attempts, Settings));

    [Theory]
    [InlineData(11)]
    [InlineData(31)]
    [InlineData(100)]
    [InlineData(int.MaxValue)]
    public void The_wait_never_exceeds_the_maximum_however_many_attempts(int attempts) =>
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.Backoff(attempts, Settings));

    [Fact]
    public void The_wait_grows_with_every_attempt_until_the_maximum()
    {
        var waits = Enumerable.Range(1, 12).Select(attempt => OutboxDispatcher.Backoff(attempt, Settings)).ToList();

        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.Second > pair.First || pair.Second == Settings.MaxBackoff));
    }
}
