using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Users;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Infrastructure;

/// <summary>A staff account to create through the admin API; each one gets an e-mail no other test uses.</summary>
public sealed record NewUser(
    string Email,
    string DisplayName,
    string Password,
    IReadOnlyList<string> Roles,
    string Language = "en",
    string TimeZone = "Asia/Shanghai")
{
    public const string DefaultPassword = "Test-password-1";

    public static NewUser WithRoles(params string[] roles) => new(
        $"user-{Guid.NewGuid():N}@test.caredesk",
        "Test User",
        DefaultPassword,
        roles.Length == 0 ? [CareDesk.Platform.Identity.Roles.Agent] : roles);
}

internal static class TestUsers
{
    public static async Task<UserView> CreateUserAsync(this HttpClient admin, NewUser user)
    {
        var response = await admin.PostAsJsonAsync("/api/users", user);
        return await response.ReadAsync<UserView>(HttpStatusCode.Created);
    }

    /// <summary>An admin client and a fresh user of <paramref name="roles"/> who has not signed in yet.</summary>
    public static async Task<(HttpClient Admin, NewUser User, UserView View)> CreateFreshUserAsync(this CareDeskFactory app, params string[] roles)
    {
        var admin = await app.CreateClientForRoleAsync(CareDesk.Platform.Identity.Roles.Admin);
        var user = NewUser.WithRoles(roles);
        return (admin, user, await admin.CreateUserAsync(user));
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    public static Task<UserView> DisableAsync(this HttpClient admin, string id) => SetAsync(admin, id, "disable");

    public static Task<UserView> EnableAsync(this HttpClient admin, string id) => SetAsync(admin, id, "enable");

    private static async Task<UserView> SetAsync(HttpClient admin, string id, string action) =>
        await (await admin.PostAsJsonAsync($"/api/users/{id}/{action}", new { })).ReadAsync<UserView>();

    public static string DemoEmail(string role) => UserSeeder.DemoEmail(role);
}
