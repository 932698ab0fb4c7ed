using Microsoft.Extensions.Options;

namespace CareDesk.Relay;

/// <summary>
/// How long to wait before the next attempt: doubling from <see cref="RelayOptions.InitialBackoff"/>, capped at
/// <see cref="RelayOptions.MaxBackoff"/>, with jitter (between half and all of it) so calls that failed together do not
/// all come back in the same instant. CareDesk's <c>Retry-After</c>, when it sends one, wins.
/// </summary>
public sealed class Backoff(IOptions<RelayOptions> options)
{
    public TimeSpan Next(int failedAttempts, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > options.Value.MaxRetryAfter ? options.Value.MaxRetryAfter : asked;
        }

        var settings = options.Value;
        var doublings = Math.Min(Math.Max(failedAttempts - 1, 0), 30);
        var ticks = Math.Min(settings.InitialBackoff.Ticks * (double)(1L << doublings), settings.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)(ticks / 2 + Random.Shared.NextDouble() * ticks / 2));
    }
}
