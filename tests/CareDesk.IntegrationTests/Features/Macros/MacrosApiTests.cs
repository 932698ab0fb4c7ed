using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Macros;
using CareDesk.IntegrationTests.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Testing;

namespace CareDesk.IntegrationTests.Features.Macros;

/// <summary>Issue 11 item 11: canned answers kept by supervisors, read by every agent, filled in from a case.</summary>
public sealed class MacrosApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_supervisor_adds_changes_and_removes_a_macro_every_agent_reads_it_and_stale_writes_get_409()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var shortcut = NewShortcut();

        var created = await (await supervisor.PostAsJsonAsync("/api/macros", new { shortcut = shortcut.ToUpperInvariant(), title = "Strips", language = "en", text = "Hello {person name}, your case is {case number}." }))
            .ReadAsync<MacroView>(HttpStatusCode.Created);
        Assert.Equal((shortcut, "en"), (created.Shortcut, created.Language));
        Assert.Contains(await (await agent.GetAsync("/api/macros?language=en")).ReadAsync<MacroView[]>(), m => m.Id == created.Id);
        Assert.DoesNotContain(await (await agent.GetAsync("/api/macros?language=zh-CN")).ReadAsync<MacroView[]>(), m => m.Id == created.Id);

        var changed = await (await admin.PutAsJsonAsync($"/api/macros/{created.Id}", new { shortcut, title = "Strips that fit", language = "en", text = "Hello {person name}.", version = created.Version }))
            .ReadAsync<MacroView>();
        Assert.Equal("Strips that fit", changed.Title);

        // The supervisor still holds the first version: their change and their removal are refused, nothing is lost.
        var stale = await supervisor.PutAsJsonAsync($"/api/macros/{created.Id}", new { shortcut, title = "Old", language = "en", text = "x", version = created.Version });
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        await (await supervisor.DeleteAsync($"/api/macros/{created.Id}?version={created.Version}")).ProblemAsync(HttpStatusCode.Conflict);
        (await (await supervisor.DeleteAsync($"/api/macros/{created.Id}")).ProblemAsync(HttpStatusCode.BadRequest)).Errors("version");

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/macros/{created.Id}?version={changed.Version}")).StatusCode);
        Assert.DoesNotContain(await (await agent.GetAsync("/api/macros")).ReadAsync<MacroView[]>(), m => m.Id == created.Id);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.OutsourcedAgent)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.FieldRep)]
    public async Task Roles_other_than_supervisors_and_admins_may_read_but_not_write_macros(string role)
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var client = await app.CreateClientForRoleAsync(role);
        var existing = await (await supervisor.PostAsJsonAsync("/api/macros", new { shortcut = NewShortcut(), title = "t", language = "zh-CN", text = "您好，{person name}。" }))
            .ReadAsync<MacroView>(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/macros")).StatusCode);
        await (await client.PostAsJsonAsync("/api/macros", new { shortcut = NewShortcut(), title = "t", language = "en", text = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutAsJsonAsync($"/api/macros/{existing.Id}", new { shortcut = existing.Shortcut, title = "t", language = "zh-CN", text = "x", version = existing.Version })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"/api/macros/{existing.Id}?version={existing.Version}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{"shortcut":"SHORT","title":"t","language":"en","text":"Dear {persn name}"}""", "text")]
    [InlineData("""{"shortcut":"SHORT","title":"t","language":"en","text":"Your {case number} and {serial}"}""", "text")]
    [InlineData("""{"shortcut":"SHORT","title":"t","language":"fr","text":"x"}""", "language")]
    [InlineData("""{"shortcut":"two words","title":"t","language":"en","text":"x"}""", "shortcut")]
    [InlineData("""{"shortcut":"SHORT","title":"  ","language":"en","text":"x"}""", "title")]
    [InlineData("""{"shortcut":"SHORT","title":"t","language":"en","text":" "}""", "text")]
    [InlineData("""{"shortcut":"SHORT","title":"t","language":"en"}""", "text")]
    public async Task Bad_macros_are_a_400_naming_the_field(string json, string field)
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);

        var response = await supervisor.PostRawAsync("/api/macros", json.Replace("SHORT", NewShortcut(), StringComparison.Ordinal));

        (await response.ProblemAsync(HttpStatusCode.BadRequest)).Errors(field);
    }

    [Fact]
    public async Task A_shortcut_is_used_once_per_language()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var shortcut = NewShortcut();
        (await supervisor.PostAsJsonAsync("/api/macros", new { shortcut, title = "t", language = "en", text = "x" })).EnsureSuccessStatusCode();

        var again = await supervisor.PostAsJsonAsync("/api/macros", new { shortcut, title = "t2", language = "en", text = "y" });
        var otherLanguage = await supervisor.PostAsJsonAsync("/api/macros", new { shortcut, title = "t", language = "zh-CN", text = "好" });

        (await again.ProblemAsync(HttpStatusCode.BadRequest)).Errors("shortcut");
        Assert.Equal(HttpStatusCode.Created, otherLanguage.StatusCode);
    }

    [Fact]
    public async Task Placeholders_are_filled_from_the_case_named_and_left_as_written_where_the_case_has_no_value()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var opened = await CaseDetailsTests.OpenAsync(agent, person.Id);
        var macro = await (await supervisor.PostAsJsonAsync("/api/macros", new
        {
            shortcut = NewShortcut(),
            title = "Reply",
            language = "zh-CN",
            text = "{person name}您好，您的工单号是 {case number}（{case subject}），设备：{device}。客服 {agent name}",
        })).ReadAsync<MacroView>(HttpStatusCode.Created);

        var filled = (await (await agent.GetAsync($"/api/macros?caseId={opened.Id}")).ReadAsync<MacroView[]>()).Single(m => m.Id == macro.Id);

        Assert.Equal($"{person.Name}您好，您的工单号是 {opened.Number}（Meter shows an error），设备：{{device}}。客服 王芳", filled.Filled);
        await (await rep.GetAsync($"/api/macros?caseId={opened.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.GetAsync($"/api/macros?caseId={Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        var placeholders = await (await agent.GetAsync("/api/macros/placeholders")).ReadAsync<string[]>();
        Assert.Contains("{person name}", placeholders);
    }

    private static string NewShortcut() => "m" + TestValues.Digits("", 8);
}
