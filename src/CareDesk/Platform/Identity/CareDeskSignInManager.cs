using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>
/// Identity's sign-in manager, refusing disabled users, and spending one password hash on every attempt — also for an
/// unknown, disabled or locked-out account — so the answer's timing does not tell which accounts exist.
/// </summary>
internal sealed class CareDeskSignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly User Nobody = new() { Id = "nobody", UserName = "nobody" };
    private static string? nobodysHash;

    public override async Task<bool> CanSignInAsync(User user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is not { } user)
        {
            SpendAPasswordCheck(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(User user, string password, bool lockoutOnFailure)
    {
        // Identity answers a disabled or locked-out account without hashing: as fast as "no such account" used to be.
        if (!await CanSignInAsync(user) || (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)))
        {
            SpendAPasswordCheck(password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>The account of <paramref name="email"/> when the password is right and it may sign in now; no session is started.</summary>
    public async Task<User?> CheckCredentialsAsync(string email, string password)
    {
        if (await UserManager.FindByNameAsync(email) is not { } user)
        {
            SpendAPasswordCheck(password);
            return null;
        }

        return (await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded ? user : null;
    }

    private void SpendAPasswordCheck(string password)
    {
        var hasher = UserManager.PasswordHasher;
        nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, nobodysHash, password);
    }
}
