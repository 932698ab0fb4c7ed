using CareDesk.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareDesk.Platform.Identity;

/// <summary>Creates the roles, the bootstrap admin and (in demo mode) one user per role. Idempotent.</summary>
internal sealed class UserSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<User> users,
    IOptions<DemoOptions> demo,
    IOptions<BootstrapOptions> bootstrap,
    TimeProvider time,
    ILogger<UserSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if (demo.Value.Enabled)
        {
            foreach (var role in Roles.All)
            {
                // The demo Chinese-speaking agent shows the second language from the first sign-in.
                var language = role == Roles.Agent ? SupportedCultures.Chinese : SupportedCultures.English;
                await EnsureUserAsync(DemoEmail(role), DemoOptions.Password, DemoName(role), language, role);
                await RenameOldDemoUserAsync(DemoEmail(role), OldDemoName(role), DemoName(role));
            }
        }

        var admin = bootstrap.Value;
        if (!string.IsNullOrWhiteSpace(admin.AdminEmail) && !string.IsNullOrWhiteSpace(admin.AdminPassword)
            && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            await EnsureUserAsync(admin.AdminEmail, admin.AdminPassword, "Administrator", SupportedCultures.English, Roles.Admin);
            logger.LogInformation("Created the bootstrap admin account from configuration");
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public static string DemoEmail(string role) => $"{role}@{DemoOptions.EmailDomain}";

    /// <summary>A person's name for each demo user, never the role in English: screens show names as data.</summary>
    internal static string DemoName(string role) => role switch
    {
        Roles.Admin => "陈静",
        Roles.Supervisor => "刘洋",
        Roles.Agent => "王芳",
        Roles.OutsourcedAgent => "赵敏",
        Roles.Expert => "周磊",
        Roles.Quality => "孙丽华",
        Roles.FieldRep => "马俊",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No demo user for this role."),
    };

    // The names demo users had before they were people ("Supervisor", "Field Rep"): a demo database from then is renamed.
    private static string OldDemoName(string role) => role switch
    {
        Roles.Agent => "王芳 (Agent)",
        Roles.OutsourcedAgent => "Outsourced Agent",
        Roles.FieldRep => "Field Rep",
        _ => char.ToUpperInvariant(role[0]) + role[1..],
    };

    private async Task RenameOldDemoUserAsync(string email, string oldName, string name)
    {
        if (await users.FindByEmailAsync(email) is { } user && user.DisplayName == oldName)
        {
            user.DisplayName = name;
            Ensure(await users.UpdateAsync(user), $"demo user {email}");
        }
    }

    private async Task EnsureUserAsync(string email, string password, string displayName, string language, string role)
    {
        if (await users.Users.AnyAsync(u => u.NormalizedEmail == users.NormalizeEmail(email)))
        {
            return;
        }

        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            Language = language,
            TimeZone = "Asia/Shanghai",
            CreatedAt = time.GetUtcNow(),
        };
        Ensure(await users.CreateAsync(user, password), $"user for role {role}");
        Ensure(await users.AddToRoleAsync(user, role), $"role {role}");
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
