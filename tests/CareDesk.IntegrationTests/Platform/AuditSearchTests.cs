using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>Admins search the log by actor, entity and time, newest first, page by page; nobody else may.</summary>
public sealed class AuditSearchTests : HostPerTest<AuditSearchTests.ClockedFactory>
{
    /// <summary>Time moves only when a test moves it, in whole minutes from a whole second, so time ranges are exact.</summary>
    public sealed class ClockedFactory : CareDeskFactory
    {
        public ClockedFactory()
        {
            var now = TimeProvider.System.GetUtcNow();
            Clock = new FakeTimeProvider(new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        }
    }

    private FakeTimeProvider Clock => App.Clock!;

    [Fact]
    public async Task Search_by_actor_finds_entries_by_user_id_or_sign_in_name()
    {
        var actor = NewActor();
        await App.RecordReadAsAsync(actor, $"{actor}@demo.caredesk", "Person", "a-1");
        await App.RecordReadAsAsync(actor, $"{actor}@demo.caredesk", "Device", "d-1");
        await App.RecordReadAsAsync(NewActor(), "other@demo.caredesk", "Person", "a-1");
        var admin = await App.CreateClientForRoleAsync(Roles.Admin);

        var byId = await admin.SearchAsync($"actor={actor}");
        var byName = await admin.SearchAsync($"actor={Uri.EscapeDataString($"{actor}@demo.caredesk")}");

        Assert.Equal(["d-1", "a-1"], byId.Entries.Select(e => e.EntityId));
        Assert.All(byId.Entries, e => Assert.Equal(actor, e.ActorId));
        Assert.Equal(byId.Entries.Select(e => e.Sequence), byName.Entries.Select(e => e.Sequence));
        Assert.Null(byId.NextBeforeSequence);
    }

    [Fact]
    public async Task Search_by_entity_finds_the_whole_history_of_one_record()
    {
        var admin = await App.CreateClientForRoleAsync(Roles.Admin);
        var created = await admin.CreateUserAsync("History Subject");
        var other = await admin.CreateUserAsync("Someone Else");
        (await admin.PostAsJsonAsync($"/api/users/{created.Id}/disable", new { })).EnsureSuccessStatusCode();
        await App.RecordReadAsAsync(NewActor(), "reader@demo.caredesk", "User", created.Id);

        var page = await admin.SearchAsync($"entityType=User&entityId={created.Id}");
        var byType = await admin.SearchAsync("entityType=User&pageSize=200");

        Assert.Equal([AuditTrail.Read, AuditTrail.Updated, AuditTrail.Created], page.Entries.Select(e => e.Action));
        Assert.All(page.Entries, e => Assert.Equal(("User", created.Id), (e.EntityType, e.EntityId)));
        Assert.Contains(byType.Entries, e => e.EntityId == other.Id);
        Assert.All(byType.Entries, e => Assert.Equal("User", e.EntityType));
    }

    [Fact]
    public async Task Search_by_time_includes_from_and_excludes_to()
    {
        var actor = NewActor();
        var start = Clock.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await App.RecordReadAsAsync(actor, "timed@demo.caredesk", "Person", $"minute-{i + 1}");
        }

        var admin = await App.CreateClientForRoleAsync(Roles.Admin);

        var middle = await admin.SearchAsync($"actor={actor}&from={At(start.AddMinutes(2))}&to={At(start.AddMinutes(4))}");
        var fromOnly = await admin.SearchAsync($"actor={actor}&from={At(start.AddMinutes(3))}");
        var toOnly = await admin.SearchAsync($"actor={actor}&to={At(start.AddMinutes(2))}");

        Assert.Equal(["minute-3", "minute-2"], middle.Entries.Select(e => e.EntityId));
        Assert.Equal(["minute-4", "minute-3"], fromOnly.Entries.Select(e => e.EntityId));
        Assert.Equal(["minute-1"], toOnly.Entries.Select(e => e.EntityId));
    }

    [Fact]
    public async Task Search_by_time_gives_the_same_answer_whatever_the_offset_the_times_are_written_in()
    {
        var actor = NewActor();
        var start = Clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await App.RecordReadAsAsync(actor, "zoned@demo.caredesk", "Person", $"zoned-{i + 1}");
        }

        var admin = await App.CreateClientForRoleAsync(Roles.Admin);
        var shanghai = TimeSpan.FromHours(8);
        var from = start.AddMinutes(2).ToOffset(shanghai);
        var to = start.AddMinutes(3).ToOffset(shanghai);

        // The admin page sends local midnight in the admin's time zone; the API takes any offset.
        var page = await admin.SearchAsync($"actor={actor}&from={At(from)}&to={At(to)}");

        Assert.Equal(["zoned-2"], page.Entries.Select(e => e.EntityId));
    }

    [Fact]
    public async Task Paging_with_before_walks_the_results_newest_first_without_overlap_or_gap()
    {
        var actor = NewActor();
        for (var i = 0; i < 7; i++)
        {
            await App.RecordReadAsAsync(actor, "pager@demo.caredesk", "Person", $"page-{i}");
        }

        var admin = await App.CreateClientForRoleAsync(Roles.Admin);
        var all = await admin.SearchAsync($"actor={actor}");

        var walked = new List<AuditEntry>();
        var pages = 0;
        long? before = null;
        do
        {
            var page = await admin.SearchAsync($"actor={actor}&pageSize=3" + (before is { } b ? $"&before={b}" : ""));
            Assert.InRange(page.Entries.Count, 1, 3);
            walked.AddRange(page.Entries);
            before = page.NextBeforeSequence;
            pages++;
        }
        while (before is not null);

        Assert.Equal(3, pages);
        Assert.Equal(7, all.Entries.Count);
        Assert.Equal(all.Entries.Select(e => e.Sequence), walked.Select(e => e.Sequence));
        Assert.Equal(walked.Select(e => e.Sequence).OrderDescending(), walked.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "to")]
    public async Task Invalid_search_parameters_are_a_validation_problem_naming_the_field(string query, string field)
    {
        var admin = await App.CreateClientForRoleAsync(Roles.Admin);

        var response = await admin.GetAsync($"/api/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/audit")]
    [InlineData("/api/audit/verify")]
    public async Task Staff_without_the_admin_role_are_forbidden(string path)
    {
        var agent = await App.CreateClientForRoleAsync(Roles.Agent);

        var response = await agent.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/audit")]
    [InlineData("/api/audit/verify")]
    public async Task Anonymous_callers_are_unauthorized(string path)
    {
        var response = await App.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string NewActor() => $"user-{Guid.NewGuid():N}";

    private static string At(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));
}
