using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Counts failed sign-ins per account and client: after <see cref="SignInLimitsOptions.PerAccountFailureLimit"/>
/// failures that client is refused for that account (429) until the window passes, while the account owner signing in
/// from elsewhere is not. Kept below the lockout threshold, so no single client can lock a named user out.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures;
    private readonly TimeSpan window;

    public SignInThrottle(IOptions<SignInLimitsOptions> options)
    {
        var limits = options.Value;
        window = limits.PerAccountWindow;
        failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PerAccountFailureLimit,
            Window = limits.PerAccountWindow,
            QueueLimit = 0,
        }));
    }

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Null when this client may try this account now, else how long it must wait.</summary>
    public TimeSpan? RetryAfter(string account, HttpContext context)
    {
        // A request for no permits asks whether any are left without spending one.
        using var lease = failures.AttemptAcquire(Key(account, context), permitCount: 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
    }

    public void RecordFailure(string account, HttpContext context)
    {
        using var lease = failures.AttemptAcquire(Key(account, context));
    }

    public void Dispose() => failures.Dispose();

    private static string Key(string account, HttpContext context) =>
        account.Trim().ToUpperInvariant() + "\n" + ClientOf(context);
}
