using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CareDesk.Features.Users;

/// <summary>
/// An admin changes a user's name, roles, language and time zone. The request carries the version it was based
/// on; if someone else changed the user meanwhile, the answer is a conflict and nothing is written.
/// </summary>
public sealed class UpdateUser(UserManager<User> users, CareDeskDbContext db, IUserChangeNotifier changes)
{
    public sealed record Request(
        [property: Required, MaxLength(200), SingleLineText] string DisplayName,
        [property: Required] IReadOnlyList<string> Roles,
        [property: Required] string Language,
        [property: Required] string TimeZone,
        [property: Required] string Version);

    public async Task<Result<UserView>> RunAsync(string id, Request request, CancellationToken cancellationToken)
    {
        if (UserRules.CheckProfile(request.DisplayName, request.Roles, request.Language, request.TimeZone) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return Failure.NotFound("Users.NotFound");
        }

        if (!string.Equals(user.ConcurrencyStamp, request.Version, StringComparison.Ordinal))
        {
            return Failure.Conflict("Users.Conflict");
        }

        user.DisplayName = request.DisplayName.Trim();
        user.Language = Platform.Localization.SupportedCultures.Normalize(request.Language);
        user.TimeZone = request.TimeZone;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return CreateUser.IdentityFailure(updated);
        }

        var current = await users.GetRolesAsync(user);
        var wanted = request.Roles.Distinct().ToList();
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            return CreateUser.IdentityFailure(added);
        }

        // A role change takes effect on the user's next request, on every node: sessions and tokens issued with the
        // old roles carry the old security stamp and are refused (StaffAuthenticationHandler).
        var rolesChanged = removed.Succeeded && (current.Except(wanted).Any() || wanted.Except(current).Any());
        if (rolesChanged)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await transaction.CommitAsync(cancellationToken);
        if (rolesChanged)
        {
            await changes.UserChangedAsync(user.Id, CancellationToken.None);
        }

        return UserView.From(user, wanted);
    }
}
