using System.Net;
using System.Net.Http.Json;
using CareDesk.Components;
using CareDesk.Features.People;
using CareDesk.Features.Users;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// A changed role or a disabled account takes effect on the user's next request, whatever they hold: the bearer
/// token or the cookie they signed in with is refused (401) and a new sign-in carries the new roles. The host trusts
/// its cached user state for an hour here, so only the change notice can make these pass.
/// </summary>
public sealed class UserChangeTests(UserChangeTests.LongCacheHost app) : IClassFixture<UserChangeTests.LongCacheHost>
{
    public sealed class LongCacheHost : CareDeskFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["SignIn:UserCheckCacheLifetime"] = "00:05:00",
        };
    }

    [Fact]
    public async Task An_admin_demoted_to_outsourced_agent_cannot_create_users_with_the_same_token()
    {
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Admin);
        var demoted = await app.CreateClientForAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/api/users")).StatusCode);

        await SetRolesAsync(admin, view, Roles.OutsourcedAgent);

        var attempt = NewUser.WithRoles(Roles.Admin);
        await (await demoted.PostAsJsonAsync("/api/users", attempt)).ProblemAsync(HttpStatusCode.Unauthorized);
        var again = await app.CreateClientForAsync(user.Email, user.Password);
        await (await again.PostAsJsonAsync("/api/users", attempt)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.CreateClient().LoginAsync(attempt.Email, attempt.Password)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_demoted_to_outsourced_agent_sees_masked_data_from_the_next_request()
    {
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var creator = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await creator.CreatePersonAsync(new { name = "Demotion Watch", kind = "patient", notes = "lives alone" });
        var session = await app.CreateClientForAsync(user.Email, user.Password);
        Assert.Equal("lives alone", (await session.GetPersonAsync(person.Id)).Notes);

        await SetRolesAsync(admin, view, Roles.OutsourcedAgent);

        await (await session.GetAsync($"/api/people/{person.Id}")).ProblemAsync(HttpStatusCode.Unauthorized);
        var seen = await (await app.CreateClientForAsync(user.Email, user.Password)).GetPersonAsync(person.Id);
        Assert.True(seen.Masked);
        Assert.Equal("***", seen.Notes);
    }

    [Fact]
    public async Task An_agent_made_field_rep_reads_only_their_own_people_from_the_next_request()
    {
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var creator = await app.CreateClientForRoleAsync(Roles.Agent);
        var stranger = await creator.CreatePersonAsync(new { name = "Not Their Customer", kind = "patient" });
        var session = await app.CreateClientForAsync(user.Email, user.Password);
        Assert.Equal("Not Their Customer", (await session.GetPersonAsync(stranger.Id)).Name);

        await SetRolesAsync(admin, view, Roles.FieldRep);

        await (await session.GetAsync($"/api/people/{stranger.Id}")).ProblemAsync(HttpStatusCode.Unauthorized);
        var rep = await app.CreateClientForAsync(user.Email, user.Password);
        await (await rep.GetAsync($"/api/people/{stranger.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await (await rep.GetAsync("/api/people?q=Not Their")).ReadAsync<List<SearchPeople.Hit>>());
    }

    [Fact]
    public async Task A_disabled_user_gets_401_with_the_same_token_and_is_signed_out_with_the_same_cookie()
    {
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var bearer = await app.CreateClientForAsync(user.Email, user.Password);
        var cookie = await app.CreateCookieClientAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/")).StatusCode);
        var reference = await cookie.GetAsync("/api/reference/");
        Assert.True(reference.StatusCode == HttpStatusCode.OK, $"{(int)reference.StatusCode} {reference.Headers.Location} {await reference.Content.ReadAsStringAsync()}");

        await admin.DisableAsync(view.Id);

        await (await bearer.GetAsync("/api/me")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await cookie.GetAsync("/api/reference/")).ProblemAsync(HttpStatusCode.Unauthorized);
        var page = await cookie.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_desktop_of_a_user_whose_roles_changed_fails_revalidation()
    {
        var (admin, _, view) = await app.CreateFreshUserAsync(Roles.Agent);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<SignInManager<User>>();
        var circuit = new AuthenticationState(await users.CreateUserPrincipalAsync((await users.UserManager.FindByIdAsync(view.Id))!));
        var revalidation = ActivatorUtilities.CreateInstance<RevalidatingIdentityStateProvider>(scope.ServiceProvider);
        Assert.True(await revalidation.IsCurrentAsync(circuit, CancellationToken.None));

        await SetRolesAsync(admin, view, Roles.Quality);

        Assert.False(await revalidation.IsCurrentAsync(circuit, CancellationToken.None));
    }

    [Fact]
    public async Task Renaming_a_user_keeps_their_sessions()
    {
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var session = await app.CreateClientForAsync(user.Email, user.Password);

        (await admin.PutAsJsonAsync($"/api/users/{view.Id}", new UpdateUser.Request("Renamed", [Roles.Agent], "en", "UTC", view.Version)))
            .EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/me")).StatusCode);
    }

    [PostgreSqlFact]
    public async Task A_user_disabled_on_one_node_is_refused_on_the_other_node_before_its_cache_expires()
    {
        await using var other = new LongCacheHost { ExistingDatabase = app.Database };
        await other.InitializeAsync();
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var onOther = await other.CreateClientForAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await onOther.GetAsync("/api/me")).StatusCode);

        await admin.DisableAsync(view.Id);

        // The notice travels through PostgreSQL (LISTEN/NOTIFY): asynchronous, but far quicker than the five-minute cache.
        await Eventually.HoldsAsync(
            async () => (await onOther.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(10),
            "the other node refuses the disabled user's token");
    }

    private static async Task SetRolesAsync(HttpClient admin, UserView user, params string[] roles) =>
        (await admin.PutAsJsonAsync($"/api/users/{user.Id}", new UpdateUser.Request(user.DisplayName, roles, user.Language, user.TimeZone, user.Version)))
            .EnsureSuccessStatusCode();
}
