namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>Waits for something the host does in the background, bounded: polls instead of sleeping a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Not within {timeout.TotalSeconds:0.#} s: {what}");
            }

            await Task.Delay(PollEvery, CancellationToken.None);
        }
    }
}
