using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Identity;

namespace CareDesk.Features.Users;

/// <summary>A signed-in user sets their own language and time zone.</summary>
public sealed class UpdateMyPreferences(UserManager<User> users)
{
    public sealed record Request([property: Required] string Language, [property: Required] string TimeZone);

    public async Task<Result<UserView>> RunAsync(string userId, Request request, CancellationToken cancellationToken)
    {
        if (!SupportedCultures.IsSupported(request.Language))
        {
            return Failure.Invalid("language", "Users.UnsupportedLanguage");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _))
        {
            return Failure.Invalid("timeZone", "Users.UnknownTimeZone");
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Failure.NotFound("Users.NotFound");
        }

        cancellationToken.ThrowIfCancellationRequested();
        user.Language = SupportedCultures.Normalize(request.Language);
        user.TimeZone = request.TimeZone;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? UserView.From(user, await users.GetRolesAsync(user)) : CreateUser.IdentityFailure(result);
    }
}
