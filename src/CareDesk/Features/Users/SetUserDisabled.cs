using CareDesk.Platform.Api;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CareDesk.Features.Users;

/// <summary>Disable or re-enable an account. Disabling ends the user's sessions and tokens.</summary>
public sealed class SetUserDisabled(UserManager<User> users, IUserChangeNotifier changes, AuditContext actor)
{
    public async Task<Result<UserView>> RunAsync(string id, bool disabled, string? version, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return Failure.NotFound("Users.NotFound");
        }

        if (version is not null && !string.Equals(user.ConcurrencyStamp, version, StringComparison.Ordinal))
        {
            return Failure.Conflict("Users.Conflict");
        }

        if (disabled && user.Id == actor.ActorId)
        {
            return Failure.Invalid("id", "Users.CannotDisableSelf");
        }

        cancellationToken.ThrowIfCancellationRequested();
        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return CreateUser.IdentityFailure(result);
        }

        if (disabled)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await changes.UserChangedAsync(user.Id, CancellationToken.None);
        return UserView.From(user, await users.GetRolesAsync(user));
    }
}
