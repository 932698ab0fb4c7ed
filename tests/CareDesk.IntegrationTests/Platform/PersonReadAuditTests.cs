using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Contacts;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Platform;

/// <summary>
/// Every read path that shows a person's data writes exactly one audit entry per request, naming every person it
/// showed, found again by any of them (F32); a refused read is recorded too.
/// </summary>
public sealed class PersonReadAuditTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    public static TheoryData<string> ReadPaths => new()
    {
        "search", "lookup", "devices", "device", "contacts", "contact", "cases", "case",
    };

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task Each_read_path_writes_one_entry_naming_the_people_it_showed(string path)
    {
        var setup = await app.CreateClientForRoleAsync(Roles.Agent);
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var reader = await app.CreateClientForAsync(user.Email, user.Password);
        var family = $"Audit{Guid.NewGuid():N}"[..14];
        var phone = PeopleTestKit.NewMobile();
        var father = await setup.CreatePersonAsync(PeopleTestKit.NewPerson($"{family} Father", phone));
        var daughter = await setup.CreatePersonAsync(PeopleTestKit.NewPerson($"{family} Daughter"));
        await (await setup.PostAsJsonAsync($"/api/people/{daughter.Id}/relationships", new { kind = "caregiver-of", personId = father.Id, source = "agent" })).ReadAsync<GetPersonProfile.Profile>(HttpStatusCode.Created);
        var device = await (await setup.PostAsJsonAsync($"/api/people/{father.Id}/devices", new { modelId = "minimed-780g-pump", serialNumber = TestValues.Digits("NG", 7) + "H", source = "agent" }))
            .ReadAsync<DeviceView>(HttpStatusCode.Created);
        var contacts = new List<ContactView>();
        foreach (var person in new[] { father.Id, daughter.Id })
        {
            contacts.Add(await (await setup.PostAsJsonAsync("/api/contacts", new { personId = person, channel = "phone", direction = "inbound", notes = "private notes" }))
                .ReadAsync<ContactView>(HttpStatusCode.Created));
        }

        var @case = await (await setup.PostAsJsonAsync("/api/cases", new { personId = father.Id, type = "question", subject = "strips" })).ReadAsync<CareDesk.Features.Cases.GetCase.View>(HttpStatusCode.Created);
        var from = contacts.Min(c => c.StartedAt).AddSeconds(-1);
        var before = await EntriesByAsync(view.Id);

        var (url, expected) = path switch
        {
            "search" => ($"/api/people?q={family}", new[] { father.Id, daughter.Id }),
            "lookup" => ($"/api/people/lookup?phone={phone}", [father.Id]),
            "devices" => ($"/api/people/{father.Id}/devices", [father.Id]),
            "device" => ($"/api/devices/{device.Id}", [father.Id]),
            "contacts" => ($"/api/contacts?from={Uri.EscapeDataString(from.ToString("O"))}&limit=200", [father.Id, daughter.Id]),
            "contact" => ($"/api/contacts/{contacts[0].Id}", [father.Id]),
            "cases" => ($"/api/cases?personId={father.Id}", [father.Id]),
            "case" => ($"/api/cases/{@case.Id}", [father.Id]),
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };
        var response = await reader.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

        var entry = Assert.Single(await EntriesByAsync(view.Id), e => !before.Any(b => b.Sequence == e.Sequence));
        Assert.Equal(AuditTrail.Read, entry.Action);
        var named = entry.Subjects?.Split(',') ?? [];
        Assert.All(expected, id => Assert.Contains(id.ToString(), named));
        foreach (var id in expected)
        {
            var found = await admin.SearchAsync($"entityType=Person&entityId={id}&actor={view.Id}");
            Assert.Contains(found.Entries, e => e.Sequence == entry.Sequence);
        }
    }

    [Fact]
    public async Task A_field_rep_refused_another_reps_customer_is_recorded_as_a_denied_read_of_that_person()
    {
        var setup = await app.CreateClientForRoleAsync(Roles.Agent);
        var (_, user, view) = await app.CreateFreshUserAsync(Roles.FieldRep);
        var rep = await app.CreateClientForAsync(user.Email, user.Password);
        var someoneElses = await setup.CreatePersonAsync(PeopleTestKit.NewPerson("Not Yours"));

        await (await rep.GetAsync($"/api/people/{someoneElses.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/people/{someoneElses.Id}/devices")).ProblemAsync(HttpStatusCode.Forbidden);

        var denied = (await EntriesByAsync(view.Id)).Where(e => e.Action == AuditTrail.ReadDenied).ToList();
        Assert.Equal(2, denied.Count);
        Assert.All(denied, e => Assert.Equal(someoneElses.Id.ToString(), e.Subjects));
    }

    [Fact]
    public async Task A_search_that_finds_nobody_writes_nothing_and_the_chain_still_verifies()
    {
        var (admin, user, view) = await app.CreateFreshUserAsync(Roles.Agent);
        var reader = await app.CreateClientForAsync(user.Email, user.Password);

        var hits = await (await reader.GetAsync($"/api/people?q=Nobody{Guid.NewGuid():N}")).ReadAsync<List<SearchPeople.Hit>>();

        Assert.Empty(hits);
        Assert.Empty(await EntriesByAsync(view.Id));
        Assert.True((await admin.VerifyChainAsync()).Intact);
    }

    private Task<List<AuditEntry>> EntriesByAsync(string actorId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ActorId == actorId && e.Action != AuditTrail.Created && e.Action != AuditTrail.Updated).OrderBy(e => e.Sequence).ToListAsync());
}
