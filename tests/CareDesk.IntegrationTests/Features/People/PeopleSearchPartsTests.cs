using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.People;
using CareDesk.Features.People.Search;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.IntegrationTests.Features.People;

/// <summary>The search box finds people by any part of a number or a name, and by pinyin (issue 11, item 4).</summary>
public sealed class PeopleSearchPartsTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    private async Task<List<SearchPeople.Hit>> SearchAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"/api/people?q={Uri.EscapeDataString(q)}")).ReadAsync<List<SearchPeople.Hit>>();

    private async Task<List<Guid>> FoundAsync(HttpClient client, string q) =>
        [.. (await SearchAsync(client, q)).Select(h => h.PersonId)];

    [Fact]
    public async Task Four_or_more_digits_of_a_number_typed_with_separators_find_its_owner()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = PeopleTestKit.NewMobile(); // 139 + 8 digits, national form
        var london = TestValues.Digits("+4420794", 5); // +44 20 794x xxxx, national 020 794x xxxx
        var beijing = TestValues.Digits("+86106", 7); // +86 10 6xxx xxxx, national 010 6xxx xxxx
        var person = await agent.CreatePersonAsync(new
        {
            name = "Digits Person",
            kind = "patient",
            phones = new[] { new { number = mobile, type = "mobile" }, new { number = london, type = "home" }, new { number = beijing, type = "work" } },
        });

        foreach (var q in new[]
                 {
                     mobile[^4..], // the last four
                     $"{mobile[3..7]} {mobile[7..]}", // "1234 5678"
                     $"{mobile[1..4]}-{mobile[4..8]}", // from the middle, with a dash
                     $"86 {mobile[..5]}", // across the country code of the E.164 form
                     $"{london[^8..^4]} {london[^4..]}", // "7946 0958"
                     "0" + london[3..9], // the national form with its trunk 0: "020794…"
                     $"(0{beijing[3..5]}) {beijing[5..8]}", // "(010) 6xx"
                     FullWidth(mobile[^5..]), // full-width digits from an input method
                 })
        {
            var hits = await SearchAsync(agent, q);
            Assert.True(hits.Any(h => h.PersonId == person.Id && h.MatchedBy == "phone-part"), $"\"{q}\" did not find the person: {string.Join(", ", hits.Select(h => h.Name))}");
        }
    }

    [Fact]
    public async Task Three_digits_or_a_run_in_no_number_find_nobody()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = PeopleTestKit.NewMobile();
        await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Short Digits", mobile));

        Assert.Empty(await SearchAsync(agent, mobile[^3..]));
        Assert.Empty(await SearchAsync(agent, "1 3 9"));
        // Made-up numbers are 139 and eight digits of which the first is not 0: no number holds "0000 9999".
        Assert.Empty(await SearchAsync(agent, "0000 9999"));
    }

    [Fact]
    public async Task Names_are_found_in_any_case_by_any_word_or_part()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var ada = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Adelheid Quorndon-Pike"));
        var jianguo = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("欧阳建秋"));

        foreach (var q in new[] { "adelheid", "ADELHEID", "Quorndon", "quorn", "orndon", "pike", "adelheid quorndon", "Adelheid Quorndon-Pike" })
        {
            Assert.Contains(ada.Id, await FoundAsync(agent, q));
        }

        Assert.Contains(jianguo.Id, await FoundAsync(agent, "建秋"));
        Assert.Contains(jianguo.Id, await FoundAsync(agent, "阳建"));
        Assert.Equal("name", (await SearchAsync(agent, "quorndon")).Single(h => h.PersonId == ada.Id).MatchedBy);
        Assert.DoesNotContain(ada.Id, await FoundAsync(agent, "adelheidx"));
        Assert.DoesNotContain(jianguo.Id, await FoundAsync(agent, "建国"));
    }

    [Fact]
    public async Task Chinese_names_are_found_by_pinyin_with_or_without_spaces_and_by_every_reading()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var wangli = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽"));
        var shan = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("单乐"));
        var lv = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("吕秀"));

        foreach (var q in new[] { "Wang Li", "wangli", "WANGLI", "wang li", "Wáng Lì", "wangl" })
        {
            Assert.Contains(wangli.Id, await FoundAsync(agent, q));
        }

        // 单 reads shan (a family name) or dan, 乐 le or yue: every reading finds the person.
        foreach (var q in new[] { "shan yue", "shanle", "danle", "dan yue", "yue" })
        {
            Assert.Contains(shan.Id, await FoundAsync(agent, q));
        }

        // ü typed v on a pinyin keyboard, u without one.
        Assert.Contains(lv.Id, await FoundAsync(agent, "lvxiu"));
        Assert.Contains(lv.Id, await FoundAsync(agent, "Lu Xiu"));
        Assert.DoesNotContain(wangli.Id, await FoundAsync(agent, "wangle"));
        Assert.DoesNotContain(shan.Id, await FoundAsync(agent, "shanli"));
    }

    [Fact]
    public async Task A_field_rep_finds_only_their_own_people_by_part_of_a_name_or_number()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await rep.MyIdAsync();
        var (_, _, otherRep) = await app.CreateFreshUserAsync(Roles.FieldRep);
        var mine = PeopleTestKit.NewMobile();
        var theirs = mine[..^4] + (mine[^4] == '9' ? '0' : (char)(mine[^4] + 1)) + mine[^3..];
        var own = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Rep Zyzzyva Own", mine, fieldRep: repId));
        var other = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Rep Zyzzyva Other", theirs, fieldRep: otherRep.Id));

        Assert.Equal([own.Id], await FoundAsync(rep, "zyzzyva"));
        Assert.Equal([own.Id], await FoundAsync(rep, $"{mine[4..7]} {mine[7..]}"));
        Assert.Contains(other.Id, await FoundAsync(agent, "zyzzyva"));
    }

    [Fact]
    public async Task Terms_follow_a_rename_an_added_and_a_removed_number()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var first = PeopleTestKit.NewMobile();
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Ottoline Vexley", first));

        var renamed = await agent.PutAsJsonAsync($"/api/people/{person.Id}", new
        {
            name = "Ottoline Brackenbury",
            kind = "patient",
            version = person.Version,
        });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains(person.Id, await FoundAsync(agent, "brackenbury"));
        Assert.DoesNotContain(person.Id, await FoundAsync(agent, "vexley"));
        Assert.Contains(person.Id, await FoundAsync(agent, "ottoline"));

        var second = PeopleTestKit.NewMobile();
        var added = await agent.PostAsJsonAsync($"/api/people/{person.Id}/contact-points", new { phone = new { number = second, type = "home" } });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        Assert.Contains(person.Id, await FoundAsync(agent, second[^6..]));

        var removed = await agent.DeleteAsync($"/api/people/{person.Id}/facts/{person.Phones[0].Id}");
        Assert.True(removed.IsSuccessStatusCode, await removed.Content.ReadAsStringAsync());
        Assert.DoesNotContain(person.Id, await FoundAsync(agent, first[^6..]));
        Assert.Contains(person.Id, await FoundAsync(agent, second[^6..]));
    }

    [Fact]
    public async Task People_saved_before_the_index_get_their_terms_at_start()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = PeopleTestKit.NewMobile();
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Backfill Perpetua", mobile));
        await app.WithDbAsync(db => db.Set<PersonSearchTerm>().Where(t => t.PersonId == person.Id).ExecuteDeleteAsync());
        Assert.DoesNotContain(person.Id, await FoundAsync(agent, "perpetua"));

        var filled = await SearchTermBackfill.FillAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

        Assert.True(filled >= 1);
        Assert.Contains(person.Id, await FoundAsync(agent, "perpetua"));
        Assert.Contains(person.Id, await FoundAsync(agent, mobile[^7..]));
        Assert.Equal(0, await SearchTermBackfill.FillAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None));
    }

    [Fact]
    public async Task Once_a_pass_finds_nobody_to_fill_no_start_looks_again_until_a_migration_removes_the_marker()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await SearchTermBackfill.FillUnlessCompleteAsync(scopes, CancellationToken.None);
        Task<bool> MarkedAsync() => app.WithDbAsync(db => db.MaintenanceMarkers.AnyAsync(m => m.Name == SearchTermBackfill.CompleteMarker));
        Assert.True(await MarkedAsync());

        // Marked: a start does not look (at 10 M people the look is half a minute of database work), so a person
        // left without terms stays so...
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Marker Octavia"));
        await app.WithDbAsync(db => db.Set<PersonSearchTerm>().Where(t => t.PersonId == person.Id).ExecuteDeleteAsync());
        Assert.Null(await SearchTermBackfill.FillUnlessCompleteAsync(scopes, CancellationToken.None));
        Assert.DoesNotContain(person.Id, await FoundAsync(agent, "octavia"));

        // ...until the marker is removed, as a migration that empties the terms does: the next start fills and marks.
        await app.WithDbAsync(db => db.MaintenanceMarkers.Where(m => m.Name == SearchTermBackfill.CompleteMarker).ExecuteDeleteAsync());
        Assert.True(await SearchTermBackfill.FillUnlessCompleteAsync(scopes, CancellationToken.None) >= 1);
        Assert.Contains(person.Id, await FoundAsync(agent, "octavia"));
        Assert.True(await MarkedAsync());
    }

    private static string FullWidth(string digits) => string.Concat(digits.Select(c => (char)(c + 0xFEE0)));
}
