using System.ComponentModel.DataAnnotations;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Section <c>SignIn</c>: how fast a changed account takes effect, and how sign-in is throttled. Per-client limits come
/// first, so one client can never fail often enough to trigger the account-wide lockout of a named user.
/// </summary>
public sealed class SignInLimitsOptions
{
    public const string Section = "SignIn";

    /// <summary>How long a node trusts its cached (active, security stamp) of a user when no change notice reached it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan UserCheckCacheLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Sign-in and refresh attempts one client (IP address) may make per <see cref="PerClientWindow"/>. A care center's
    /// desks often share one address (NAT): the default lets a few hundred desks start a shift together; targeted
    /// guessing is stopped by the per-account limit, not this one.
    /// </summary>
    [Range(1, 100_000)]
    public int PerClientLimit { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerClientWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins one client may make for one account per <see cref="PerAccountWindow"/>.</summary>
    [Range(1, 100_000)]
    public int PerAccountFailureLimit { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures of an account from all clients together before it is locked for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 100_000)]
    public int LockoutFailures { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);
}
