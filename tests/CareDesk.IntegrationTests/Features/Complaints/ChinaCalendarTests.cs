using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Features.Complaints.Reportability.Calendars;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Complaints;

/// <summary>A host on 20 Dec 2026: the shipped file ends with 2026, and the next year's notice is what an admin enters.</summary>
public sealed class CalendarHost : CareDeskFactory
{
    public CalendarHost() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero));
}

/// <summary>Admins keep China's statutory holidays and make-up working days; the deadlines count with what they enter.</summary>
public sealed class ChinaCalendarTests(CalendarHost app) : IClassFixture<CalendarHost>
{
    // Made up for the test in the shape of a State Council notice (2027's was not published when this was written).
    private static object Year2027() => new
    {
        source = "Test notice for 2027 (not the real one)",
        holidays = new object[]
        {
            new { name = "元旦", from = "2027-01-01", to = "2027-01-03" },
            new { name = "春节", from = "2027-02-06", to = "2027-02-13" },
        },
        makeUpWorkingDays = new[] { "2027-02-14" },
    };

    // A serious injury in China, aware 12 Dec 2026: 20 days end on Friday 1 Jan 2027, which is 元旦 once 2027 is entered.
    private static readonly object SeriousInjury = new
    {
        productId = "accu-chek-guide-meter",
        eventCountry = "CN",
        awareness = new { at = "2026-12-12T10:00:00+08:00", timeZone = "Asia/Shanghai" },
        facts = new { deviceInvolved = "yes", injury = "yes", interventionToPrecludePermanentHarm = "yes" },
        information = Array.Empty<object>(),
    };

    [Fact]
    public async Task An_admin_enters_next_years_notice_and_chinas_last_day_rolls_past_the_new_holiday_on_this_node_and_a_restarted_one()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        Assert.Equal("2027-01-01", await ChinaDueAsync(quality));

        var saved = await (await admin.PutAsJsonAsync("/api/regulatory/calendars/cn/2027", Year2027())).ReadAsync<ChinaCalendars.YearView>();

        Assert.True(saved.Edited);
        Assert.Equal(["元旦", "春节"], saved.Holidays.Select(h => h.Name));
        Assert.Equal("2027-01-04", await ChinaDueAsync(quality));
        var listed = await (await quality.GetAsync("/api/regulatory/calendars/cn")).ReadAsync<List<ChinaCalendars.YearView>>();
        Assert.Equal([(2025, false), (2026, false), (2027, true)], listed.Where(y => y.Year <= 2027).Select(y => (y.Year, y.Edited)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ChinaCalendarEdit) && e.EntityId == "2027" && e.Action == "created")));

        // Another node (or this one after a restart) reads the edit before it answers.
        await using var other = new CalendarHost { ExistingDatabase = app.Database };
        await other.InitializeAsync();
        Assert.Equal("2027-01-04", await ChinaDueAsync(await other.CreateClientForRoleAsync(Roles.Quality)));
    }

    // 2028 here: 2027 is the year whose effect on a deadline the first test watches.
    private static object Year2028(string? version = null) => new
    {
        source = "Test notice for 2028 (not the real one)",
        holidays = new[] { new { name = "元旦", from = "2028-01-01", to = "2028-01-03" }, new { name = "春节", from = "2028-01-25", to = "2028-02-01" } },
        makeUpWorkingDays = new[] { "2028-02-05" },
        version,
    };

    [Fact]
    public async Task A_second_edit_needs_the_version_read_and_a_stale_one_is_a_conflict_that_changes_nothing()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var first = await (await admin.PutAsJsonAsync("/api/regulatory/calendars/cn/2028", Year2028())).ReadAsync<ChinaCalendars.YearView>();
        var second = await (await admin.PutAsJsonAsync("/api/regulatory/calendars/cn/2028", Year2028(first.Version))).ReadAsync<ChinaCalendars.YearView>();
        Assert.NotEqual(first.Version, second.Version);

        var stale = await (await admin.PutAsJsonAsync("/api/regulatory/calendars/cn/2028", new
        {
            source = "Overwrites the other admin's edit",
            holidays = new[] { new { name = "元旦", from = "2028-01-01", to = "2028-01-01" } },
            makeUpWorkingDays = Array.Empty<string>(),
            version = first.Version,
        })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("another admin", stale.Detail, StringComparison.OrdinalIgnoreCase);
        var missing = await (await admin.PutAsJsonAsync("/api/regulatory/calendars/cn/2028", Year2028())).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.Errors("version"));

        var listed = await (await admin.GetAsync("/api/regulatory/calendars/cn")).ReadAsync<List<ChinaCalendars.YearView>>();
        Assert.Equal(second.Version, listed.Single(y => y.Year == 2028).Version);
    }

    [Theory]
    [InlineData(2027, "", "元旦", "2027-01-01", "2027-01-03", "2027-02-14", "source")]
    [InlineData(2027, "notice", " ", "2027-01-01", "2027-01-03", "2027-02-14", "holidays[0].name")]
    [InlineData(2027, "notice", "元旦", "2027-01-03", "2027-01-01", "2027-02-14", "holidays[0].to")]
    [InlineData(2027, "notice", "春节", "2027-02-06", "2027-03-06", "2027-02-14", "holidays[0].to")]
    [InlineData(2027, "notice", "元旦", "2028-01-01", "2028-01-02", "2027-02-14", "holidays[0].from")]
    [InlineData(2027, "notice", "元旦", "2027-01-01", "2027-01-03", "2027-02-15", "makeUpWorkingDays[0]")]
    [InlineData(2027, "notice", "元旦", "2027-01-01", "2027-01-03", "2027-01-02", "makeUpWorkingDays[0]")]
    [InlineData(1999, "notice", "元旦", "1999-01-01", "1999-01-03", "1999-02-14", "year")]
    public async Task Bad_input_is_400_naming_the_field_and_stores_nothing(int year, string source, string name, string from, string to, string makeUp, string field)
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PutAsJsonAsync($"/api/regulatory/calendars/cn/{year}", new
        {
            source,
            holidays = new[] { new { name, from, to } },
            makeUpWorkingDays = new[] { makeUp },
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.Errors(field));
        Assert.False(await app.WithDbAsync(db => db.Set<ChinaCalendarEdit>().AnyAsync(e => e.Source == source && e.Year == year && source != "")));
    }

    [Fact]
    public async Task Overlapping_breaks_are_refused_naming_the_later_one()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);

        var problem = await (await admin.PutAsJsonAsync("/api/regulatory/calendars/cn/2028", new
        {
            source = "notice",
            holidays = new[] { new { name = "春节", from = "2028-01-25", to = "2028-02-01" }, new { name = "元宵", from = "2028-02-01", to = "2028-02-02" } },
            makeUpWorkingDays = Array.Empty<string>(),
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("春节", Assert.Single(problem.Errors("holidays[1].from")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quality_reads_the_calendar_but_only_an_admin_changes_it()
    {
        var quality = await app.CreateClientForRoleAsync(Roles.Quality);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        Assert.Equal(HttpStatusCode.OK, (await quality.GetAsync("/api/regulatory/calendars/cn")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/regulatory/calendars/cn")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await quality.PutAsJsonAsync("/api/regulatory/calendars/cn/2029", Year2028())).StatusCode);
    }

    private static async Task<string?> ChinaDueAsync(HttpClient quality)
    {
        var body = await (await quality.PostAsJsonAsync("/api/regulatory/assess", SeriousInjury)).ReadAsync<JsonElement>();
        var cn = body.GetProperty("markets").EnumerateArray().Single(m => m.GetProperty("market").GetString() == "CN");
        return cn.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "cn-individual").GetProperty("due").GetString();
    }
}
