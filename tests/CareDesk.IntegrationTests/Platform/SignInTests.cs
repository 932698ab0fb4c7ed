using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareDesk.Features.Users;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareDesk.IntegrationTests.Platform;

public sealed class SignInTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Signing_in_gives_an_access_token_and_a_refresh_token_that_work()
    {
        var response = await app.CreateClient().LoginAsync(TestUsers.DemoEmail(Roles.Expert), DemoOptions.Password);

        var tokens = await response.ReadAsync<CareDeskFactory.TokenResponse>();
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        Assert.True(tokens.ExpiresIn > 0);
        var me = await Bearer(tokens.AccessToken).GetAsync("/api/me");
        Assert.Equal(TestUsers.DemoEmail(Roles.Expert), (await me.ReadAsync<UserView>()).Email);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_answer()
    {
        var client = app.CreateClient();

        var wrongPassword = await (await client.LoginAsync(TestUsers.DemoEmail(Roles.Quality), "Not-the-password-1"))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        var unknownAccount = await (await client.LoginAsync("nobody@demo.caredesk", "Not-the-password-1"))
            .ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.False(string.IsNullOrWhiteSpace(wrongPassword.Detail));
        Assert.Equal(wrongPassword.Detail, unknownAccount.Detail);
        Assert.Equal(wrongPassword.Title, unknownAccount.Title);
    }

    [Fact]
    public async Task The_sign_in_failure_is_told_in_the_language_the_browser_asks_for()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await (await client.LoginAsync("nobody@demo.caredesk", "Not-the-password-1")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("邮箱或密码不正确，或该账户当前无法登录。", problem.Detail);
    }

    [Fact]
    public async Task Enough_failures_lock_the_account_and_then_even_the_right_password_fails_the_same_way()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Agent);
        var client = app.CreateClient();
        var failures = new List<string?>();
        for (var attempt = 0; attempt < LockoutFailures; attempt++)
        {
            failures.Add((await (await client.LoginAsync(user.Email, "Wrong-password-1")).ProblemAsync(HttpStatusCode.Unauthorized)).Detail);
        }

        var locked = await (await client.LoginAsync(user.Email, user.Password)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Single(failures.Distinct());
        Assert.Equal(failures[0], locked.Detail);
    }

    [Fact]
    public async Task Fewer_failures_than_the_lockout_limit_do_not_lock_the_account()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Agent);
        var client = app.CreateClient();
        for (var attempt = 0; attempt < LockoutFailures - 1; attempt++)
        {
            await (await client.LoginAsync(user.Email, "Wrong-password-1")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var response = await client.LoginAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_presenting_it_again_revokes_its_whole_family()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Agent);
        var first = await (await app.CreateClient().LoginAsync(user.Email, user.Password)).ReadAsync<CareDeskFactory.TokenResponse>();
        var otherSignIn = await (await app.CreateClient().LoginAsync(user.Email, user.Password)).ReadAsync<CareDeskFactory.TokenResponse>();
        var second = await (await RefreshAsync(first.RefreshToken)).ReadAsync<CareDeskFactory.TokenResponse>();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        // The first token again: a copy is in someone else's hands. Neither it nor its successor works any more.
        await (await RefreshAsync(first.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await RefreshAsync(second.RefreshToken)).ProblemAsync(HttpStatusCode.Unauthorized);

        // Another sign-in is another family.
        var fromOther = await (await RefreshAsync(otherSignIn.RefreshToken)).ReadAsync<CareDeskFactory.TokenResponse>();
        Assert.Equal(HttpStatusCode.OK, (await Bearer(fromOther.AccessToken).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Of_two_concurrent_refreshes_with_one_token_at_most_one_succeeds()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Agent);
        var tokens = await (await app.CreateClient().LoginAsync(user.Email, user.Password)).ReadAsync<CareDeskFactory.TokenResponse>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefreshAsync(tokens.RefreshToken)));

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token()
    {
        var (_, user, _) = await app.CreateFreshUserAsync(Roles.Supervisor);
        var tokens = await (await app.CreateClient().LoginAsync(user.Email, user.Password)).ReadAsync<CareDeskFactory.TokenResponse>();

        var refreshed = await (await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { tokens.RefreshToken }))
            .ReadAsync<CareDeskFactory.TokenResponse>();

        Assert.False(string.IsNullOrEmpty(refreshed.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await Bearer(refreshed.AccessToken).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_forged_refresh_token_is_refused()
    {
        var problem = await (await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "not-a-token" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
    }

    [Fact]
    public async Task Disabling_a_user_stops_their_token_at_once_refuses_refresh_and_sign_in_and_enabling_restores_sign_in()
    {
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var tokens = await (await app.CreateClient().LoginAsync(user.Email, user.Password)).ReadAsync<CareDeskFactory.TokenResponse>();
        var session = Bearer(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/me")).StatusCode);
        var wrongPassword = await (await app.CreateClient().LoginAsync(user.Email, "Wrong-password-1")).ProblemAsync(HttpStatusCode.Unauthorized);

        await admin.DisableAsync(view.Id);

        var afterDisable = await session.GetAsync("/api/me");
        Assert.Contains(afterDisable.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        await afterDisable.ProblemAsync(afterDisable.StatusCode);
        await (await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { tokens.RefreshToken })).ProblemAsync(HttpStatusCode.Unauthorized);
        var signIn = await (await app.CreateClient().LoginAsync(user.Email, user.Password)).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(wrongPassword.Detail, signIn.Detail);

        await admin.EnableAsync(view.Id);

        var again = await (await app.CreateClient().LoginAsync(user.Email, user.Password)).ReadAsync<CareDeskFactory.TokenResponse>();
        Assert.Equal(HttpStatusCode.OK, (await Bearer(again.AccessToken).GetAsync("/api/me")).StatusCode);
    }

    private int LockoutFailures => app.Services.GetRequiredService<IOptions<SignInLimitsOptions>>().Value.LockoutFailures;

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private HttpClient Bearer(string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
