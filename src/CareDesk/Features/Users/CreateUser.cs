using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CareDesk.Features.Users;

/// <summary>An admin creates a staff account with its roles, language and time zone.</summary>
public sealed class CreateUser(UserManager<User> users, CareDeskDbContext db, TimeProvider time)
{
    public sealed record Request(
        [property: Required, EmailAddress, MaxLength(256)] string Email,
        [property: Required, MaxLength(200), SingleLineText] string DisplayName,
        [property: Required] string Password,
        [property: Required] IReadOnlyList<string> Roles,
        string Language = "en",
        string TimeZone = "Asia/Shanghai");

    public async Task<Result<UserView>> RunAsync(Request request, CancellationToken cancellationToken)
    {
        if (UserRules.CheckProfile(request.DisplayName, request.Roles, request.Language, request.TimeZone) is { } invalid)
        {
            return invalid;
        }

        if (await users.FindByEmailAsync(request.Email) is not null)
        {
            return Failure.Invalid("email", "Users.EmailTaken");
        }

        var user = new User
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            Language = Platform.Localization.SupportedCultures.Normalize(request.Language),
            TimeZone = request.TimeZone,
            CreatedAt = time.GetUtcNow(),
        };

        // Account and roles together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return IdentityFailure(created);
        }

        var roles = await users.AddToRolesAsync(user, request.Roles.Distinct());
        if (!roles.Succeeded)
        {
            return IdentityFailure(roles);
        }

        await transaction.CommitAsync(cancellationToken);
        return UserView.From(user, request.Roles.Distinct());
    }

    internal static Failure IdentityFailure(IdentityResult result)
    {
        var error = result.Errors.First();
        var field = error.Code switch
        {
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "password",
            "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => "email",
            "ConcurrencyFailure" => null,
            _ => "",
        };
        return field is null
            ? Failure.Conflict("Users.Conflict")
            : Failure.Invalid(field, "Identity." + error.Code);
    }
}
