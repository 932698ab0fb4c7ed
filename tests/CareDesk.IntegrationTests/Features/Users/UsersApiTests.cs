using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Users;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.Users;

public sealed class UsersApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task An_agent_is_forbidden_the_user_administration()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        await (await agent.GetAsync("/api/users")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostAsJsonAsync("/api/users", NewUser.WithRoles(Roles.Admin))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_a_401_problem_not_a_redirect()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/users");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_sign_in()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var user = NewUser.WithRoles(Roles.Expert, Roles.Quality) with { Language = "zh-cn", TimeZone = "Europe/Berlin" };

        var response = await admin.PostAsJsonAsync("/api/users", user);

        var created = await response.ReadAsync<UserView>(HttpStatusCode.Created);
        Assert.Equal($"/api/users/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(user.Email, created.Email);
        Assert.Equal(new[] { Roles.Expert, Roles.Quality }, created.Roles);
        Assert.Equal("zh-CN", created.Language);
        Assert.Equal("Europe/Berlin", created.TimeZone);
        Assert.False(created.Disabled);
        Assert.False(string.IsNullOrEmpty(created.Version));
        var listed = await (await admin.GetAsync($"/api/users?search={Uri.EscapeDataString(user.Email)}")).ReadAsync<List<UserView>>();
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().LoginAsync(user.Email, user.Password)).StatusCode);
    }

    public static TheoryData<string, string> InvalidUsers => new()
    {
        { "not-an-email", "email" },
        { "short-password", "password" },
        { "unknown-role", "roles" },
        { "no-role", "roles" },
        { "bad-time-zone", "timeZone" },
        { "bad-language", "language" },
        { "blank-name", "displayName" },
    };

    [Theory]
    [MemberData(nameof(InvalidUsers))]
    public async Task Invalid_new_users_are_refused_naming_the_field(string mistake, string field)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var valid = NewUser.WithRoles(Roles.Agent);
        var user = mistake switch
        {
            "not-an-email" => valid with { Email = "not-an-email" },
            "short-password" => valid with { Password = "Short-1" },
            "unknown-role" => valid with { Roles = [Roles.Agent, "astronaut"] },
            "no-role" => valid with { Roles = [] },
            "bad-time-zone" => valid with { TimeZone = "Mars/Olympus_Mons" },
            "bad-language" => valid with { Language = "fr" },
            _ => valid with { DisplayName = "   " },
        };

        var problem = await (await admin.PostAsJsonAsync("/api/users", user)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors(field);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task An_update_changes_the_user_and_gives_a_new_version()
    {
        var (admin, _, view) = await app.CreateFreshUserAsync(Roles.Agent);

        var response = await admin.PutAsJsonAsync($"/api/users/{view.Id}", new UpdateUser.Request(
            "Renamed", [Roles.Supervisor], "zh-CN", "Asia/Tokyo", view.Version));

        var updated = await response.ReadAsync<UserView>();
        Assert.Equal("Renamed", updated.DisplayName);
        Assert.Equal(new[] { Roles.Supervisor }, updated.Roles);
        Assert.Equal("Asia/Tokyo", updated.TimeZone);
        Assert.NotEqual(view.Version, updated.Version);
    }

    [Fact]
    public async Task An_update_based_on_a_stale_version_is_a_409_and_changes_nothing()
    {
        var (admin, _, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var first = await (await admin.PutAsJsonAsync($"/api/users/{view.Id}", new UpdateUser.Request(
            "First edit", [Roles.Agent], "en", "UTC", view.Version))).ReadAsync<UserView>();

        var stale = await admin.PutAsJsonAsync($"/api/users/{view.Id}", new UpdateUser.Request(
            "Second edit", [Roles.Admin], "zh-CN", "Asia/Tokyo", view.Version));

        var problem = await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        var now = await FindAsync(admin, view.Email);
        Assert.Equivalent(first, now, strict: true);
    }

    [Fact]
    public async Task An_update_of_an_unknown_user_is_a_404_problem()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        await (await admin.PutAsJsonAsync("/api/users/no-such-id", new UpdateUser.Request(
            "Nobody", [Roles.Agent], "en", "UTC", "v"))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_cannot_disable_themselves()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var me = await (await admin.GetAsync("/api/me")).ReadAsync<UserView>();

        var problem = await (await admin.PostAsJsonAsync($"/api/users/{me.Id}/disable", new { })).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors("id");
    }

    [Fact]
    public async Task Me_is_the_signed_in_user()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var me = await (await agent.GetAsync("/api/me")).ReadAsync<UserView>();

        Assert.Equal(TestUsers.DemoEmail(Roles.Agent), me.Email);
        Assert.Equal(new[] { Roles.Agent }, me.Roles);
        Assert.Equal("zh-CN", me.Language);
    }

    [Fact]
    public async Task A_user_sets_their_own_preferences()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.FieldRep);
        var client = await app.CreateClientForAsync(user.Email, user.Password);

        var updated = await (await client.PutAsJsonAsync("/api/me/preferences", new { language = "zh-CN", timeZone = "America/New_York" }))
            .ReadAsync<UserView>();

        Assert.Equal("zh-CN", updated.Language);
        Assert.Equal("America/New_York", updated.TimeZone);
    }

    [Theory]
    [InlineData("fr", "Asia/Shanghai", "language")]
    [InlineData("en", "Nowhere/Nothing", "timeZone")]
    public async Task Bad_preferences_are_refused_naming_the_field(string language, string timeZone, string field)
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Expert);
        var client = await app.CreateClientForAsync(user.Email, user.Password);

        var problem = await (await client.PutAsJsonAsync("/api/me/preferences", new { language, timeZone })).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors(field);
        var me = await (await client.GetAsync("/api/me")).ReadAsync<UserView>();
        Assert.Equal(("en", "Asia/Shanghai"), (me.Language, me.TimeZone));
    }

    [Fact]
    public async Task The_chinese_speaking_agent_is_told_what_is_wrong_in_chinese()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var problem = await (await agent.PutAsJsonAsync("/api/me/preferences", new { language = "fr", timeZone = "Asia/Shanghai" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(new[] { "请选择英文（en）或中文（zh-CN）。" }, problem.Errors("language"));
        Assert.Equal("请选择英文（en）或中文（zh-CN）。", problem.Detail);
    }

    [Fact]
    public async Task A_chinese_speaking_admin_gets_the_conflict_in_chinese()
    {
        var (admin, _, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var chineseAdmin = NewUser.WithRoles(Roles.Admin) with { Language = "zh-CN" };
        await admin.CreateUserAsync(chineseAdmin);
        var client = await app.CreateClientForAsync(chineseAdmin.Email, chineseAdmin.Password);

        var problem = await (await client.PutAsJsonAsync($"/api/users/{view.Id}", new UpdateUser.Request(
            "Renamed", [Roles.Agent], "en", "UTC", "stale-version"))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("其他人已修改此用户。请刷新后重试。", problem.Detail);
    }

    private static async Task<UserView> FindAsync(HttpClient admin, string email) =>
        Assert.Single(await (await admin.GetAsync($"/api/users?search={Uri.EscapeDataString(email)}")).ReadAsync<List<UserView>>());
}
