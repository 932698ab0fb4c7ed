using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Whether a signed-in user may still act: exists and is not disabled. Checked on every request (cookie and
/// bearer alike) through a short cache, and cleared at once when an admin disables the user on this node.
/// </summary>
public sealed class UserStatusCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    public async Task<bool> IsActiveAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out bool active))
        {
            return active;
        }

        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        active = await db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken);
        cache.Set(Key(userId), active, Lifetime);
        return active;
    }

    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => $"user-active:{userId}";
}
