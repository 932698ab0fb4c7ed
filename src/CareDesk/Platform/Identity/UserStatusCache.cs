using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Whether a signed-in principal is still current: its user exists, is not disabled, and has the security stamp the
/// principal was issued with (a role change, disabling or a new password changes the stamp). Checked on every
/// request (cookie and bearer alike) through a short cache that <see cref="IUserChangeNotifier"/> clears on every node.
/// </summary>
public sealed class UserStatusCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<SignInLimitsOptions> options)
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long generation;

    public async Task<bool> IsCurrentAsync(string userId, string? securityStamp, CancellationToken cancellationToken)
    {
        var status = await GetAsync(userId, cancellationToken);
        return status is { Active: true } && securityStamp is not null
            && string.Equals(status.SecurityStamp, securityStamp, StringComparison.Ordinal);
    }

    public void Forget(string userId)
    {
        lock (gate)
        {
            generation++;
            entries.Remove(userId);
        }
    }

    /// <summary>After change notices may have been missed (the listener reconnected), nothing cached is trusted.</summary>
    public void ForgetAll()
    {
        lock (gate)
        {
            generation++;
            entries.Clear();
        }
    }

    private async Task<Status?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        long seen;
        lock (gate)
        {
            if (entries.TryGetValue(userId, out var entry) && entry.ExpiresAt > time.GetUtcNow())
            {
                return entry.Status;
            }

            seen = generation;
        }

        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var status = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new Status(!u.IsDisabled, u.SecurityStamp))
            .SingleOrDefaultAsync(cancellationToken);

        lock (gate)
        {
            // A change notice that arrived while we read may describe a change our read missed: do not cache it.
            if (generation == seen && options.Value.UserCheckCacheLifetime > TimeSpan.Zero)
            {
                entries[userId] = new Entry(status, time.GetUtcNow() + options.Value.UserCheckCacheLifetime);
            }
        }

        return status;
    }

    private sealed record Status(bool Active, string? SecurityStamp);

    private sealed record Entry(Status? Status, DateTimeOffset ExpiresAt);
}
