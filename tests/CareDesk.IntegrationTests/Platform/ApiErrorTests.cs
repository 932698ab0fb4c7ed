using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>The real host with a small body limit and one address that throws, to see how errors leave the API.</summary>
public sealed class ApiErrorFactory : CareDeskFactory
{
    public const int BodyLimit = 4_096;
    public const string ThrowingPath = "/api/test/throw";
    public const string SecretInException = "connection-string-with-a-password";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Api:MaxRequestBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
    }

    /// <summary>Runs after CareDesk's whole pipeline: a request no endpoint matched reaches it through the exception handler.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path == ThrowingPath
                ? throw new InvalidOperationException($"Boom: {SecretInException}")
                : following(context));
        };
    }
}

public sealed class ApiErrorTests(ApiErrorFactory app) : IClassFixture<ApiErrorFactory>
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"email\": \"a@b.c\",")]
    [InlineData("[1, 2")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PostRawAsync("/api/users", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldsInError());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_field()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PostRawAsync("/api/users", """{"email": 5}""")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["email"], problem.FieldsInError());
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PostRawAsync("/api/users", "{}")).ProblemAsync(HttpStatusCode.BadRequest);

        foreach (var field in new[] { "email", "displayName", "password", "roles" })
        {
            problem.Errors(field);
        }
    }

    [Fact]
    public async Task Missing_sign_in_fields_are_named_for_an_anonymous_caller()
    {
        var problem = await (await app.CreateClient().PostRawAsync("/api/auth/login", "{}")).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors("email");
        problem.Errors("password");
    }

    [Fact]
    public async Task An_empty_body_is_a_400_problem()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        await (await admin.PostRawAsync("/api/users", "")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/people", """{"name":"A","kind":"patient","phones":[null]}""", "phones[0]")]
    [InlineData("/api/people", """{"name":"A","kind":"patient","messaging":[null]}""", "messaging[0]")]
    [InlineData("/api/people", """{"name":"A","kind":"patient","addresses":[null]}""", "addresses[0]")]
    [InlineData("/api/users", """{"email":"n@test.caredesk","displayName":"N","password":"Null-item-pass-1","roles":[null]}""", "roles[0]")]
    [InlineData("/api/contacts", """{"channel":"phone","direction":"inbound","transfers":[null]}""", "transfers[0]")]
    [InlineData("/api/service-levels/calendars", """{"name":"Null hours","officeHours":[null]}""", "officeHours[0]")]
    public async Task A_null_list_item_is_a_400_naming_the_item(string path, string body, string field)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PostRawAsync(path, body)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors(field);
    }

    [Fact]
    public async Task A_null_item_in_catalog_links_is_a_400_naming_the_item()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var modelId = (await (await admin.GetAsync("/api/catalog/models")).ReadAsync<JsonElement>())[0].GetProperty("id").GetString();

        var response = await admin.PutAsync($"/api/catalog/models/{modelId}/links", ApiJson.Raw("""{"add":[null],"remove":[null]}"""));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors("add[0]");
        problem.Errors("remove[0]");
    }

    [Fact]
    public async Task Texts_and_lists_without_a_limit_of_their_own_are_capped()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        // Just over each cap (this host accepts bodies of 4 KB; the default limit is 1 MB).
        var longItem = new string('x', Validation.DefaultMaxItemLength + 1);
        var longText = new string('x', Validation.DefaultMaxLength + 1);
        var many = string.Join(",", Enumerable.Repeat("\"zh\"", Validation.DefaultMaxItems + 1));

        var item = await (await admin.PostRawAsync("/api/people", $$"""{"name":"A","kind":"patient","languages":["{{longItem}}"]}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var text = await (await admin.PostRawAsync("/api/people", $$"""{"name":"A","kind":"patient","source":"{{longText}}"}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var tooMany = await (await admin.PostRawAsync("/api/people", $$"""{"name":"A","kind":"patient","languages":[{{many}}]}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);

        item.Errors("languages[0]");
        text.Errors("source");
        tooMany.Errors("languages");
    }

    [Theory]
    [InlineData("Wang\u0000Li")]
    [InlineData("Wang\nLi")]
    [InlineData("Wang\u202ELi")]
    public async Task Control_characters_in_a_name_are_refused(string name)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var person = await (await admin.PostRawAsync("/api/people", $$"""{"name":"{{name}}","kind":"patient"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        var user = await (await admin.PostRawAsync("/api/users", $$"""{"email":"c{{Guid.NewGuid():N}}@test.caredesk","displayName":"{{name}}","password":"Control-chars-1","roles":["agent"]}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);

        person.Errors("name");
        user.Errors("displayName");
    }

    [Fact]
    public async Task A_key_sent_twice_is_refused_naming_it()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PostRawAsync("/api/people", """{"name":"A","kind":"patient","name":"B"}""")).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors("name");
    }

    [Fact]
    public async Task A_time_without_its_offset_is_refused_in_a_body_and_in_a_query()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var body = await (await admin.PostRawAsync("/api/contacts", """{"channel":"phone","direction":"inbound","startedAt":"2026-12-01T09:00:00"}"""))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var query = await (await admin.GetAsync("/api/contacts?from=2026-12-01T09:00:00")).ProblemAsync(HttpStatusCode.BadRequest);
        var withOffset = await admin.GetAsync("/api/contacts?from=" + Uri.EscapeDataString("2026-12-01T09:00:00+08:00"));

        body.Errors("startedAt");
        query.Errors("from");
        Assert.Equal(HttpStatusCode.OK, withOffset.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_names_the_body_in_plain_words(string body)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PostRawAsync("/api/people", body)).ProblemAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.Errors("body"));
        Assert.DoesNotContain("Implicit", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Service", problem.Body.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cases?limit=abc", "limit")]
    [InlineData("/api/cases?personId=abc", "personId")]
    [InlineData("/api/findings?resolved=maybe", "resolved")]
    public async Task An_unparsable_query_value_names_the_parameter_in_plain_words(string path, string parameter)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.GetAsync(path)).ProblemAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.Errors(parameter));
        Assert.Contains(parameter, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to bind", problem.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable<", problem.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_creates_nothing()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var user = NewUser.WithRoles(Roles.Agent) with { DisplayName = new string('x', ApiErrorFactory.BodyLimit) };

        var problem = await (await admin.PostAsJsonAsync("/api/users", user)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains(ApiErrorFactory.BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Detail);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == user.Email)));
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_404_problem_for_a_signed_in_user()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        await (await agent.GetAsync("/api/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_401_problem_for_an_anonymous_caller()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/no-such-thing");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var response = await admin.GetAsync(ApiErrorFactory.ThrowingPath);

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        var text = problem.Body.ToString();
        Assert.DoesNotContain(ApiErrorFactory.SecretInException, text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.False(problem.Body.TryGetProperty("exception", out _));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("no-such-role")]
    [InlineData("taken-email")]
    public async Task A_failed_create_leaves_nothing_behind(string failure)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var user = failure switch
        {
            "short" => NewUser.WithRoles(Roles.Agent) with { Password = "Short-1" },
            "no-such-role" => NewUser.WithRoles(Roles.Agent, "astronaut"),
            _ => NewUser.WithRoles(Roles.Agent) with { Email = TestUsers.DemoEmail(Roles.Expert), DisplayName = "Impostor" },
        };
        var (usersBefore, linksBefore, auditBefore) = await CountsAsync();

        var response = await admin.PostAsJsonAsync("/api/users", user);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal((usersBefore, linksBefore, auditBefore), await CountsAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == user.DisplayName && u.Email == user.Email)));
    }

    private Task<(int Users, int RoleLinks, long AuditEntries)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.AuditEntries.LongCountAsync()));
}
