using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.People;

public sealed class PeopleApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_person_created_with_a_typed_number_comes_back_with_it_in_E164_and_its_source()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = PeopleTestKit.NewMobile();
        var typed = $"+86 {mobile[..3]}-{mobile[3..7]}-{mobile[7..]}";

        var response = await agent.PostAsJsonAsync("/api/people", new
        {
            name = "王建国",
            familyName = "王",
            givenName = "建国",
            kind = "patient",
            dateOfBirth = "1946-03-08",
            sex = "male",
            languages = new[] { "zh-CN" },
            accessibility = new { hardOfHearing = true, needsVideo = true },
            phones = new[] { new { number = typed, type = "mobile" }, new { number = "010-6552 9988", type = "home" } },
            emails = new[] { " Wang.JG@Example.COM " },
            messaging = new[] { new { platform = "wechat", id = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M" } },
            addresses = new[] { new { type = "home", line1 = "朝阳区建国路 1 号", city = "北京", country = "cn", postalCode = "100022" } },
            source = "distributor",
        });

        var created = await response.ReadAsync<GetPersonProfile.Profile>(HttpStatusCode.Created);
        Assert.Equal($"/api/people/{created.Id}", response.Headers.Location?.OriginalString);
        var profile = await agent.GetPersonAsync(created.Id);
        Assert.Equal("王建国", profile.Name);
        Assert.Equal("patient", profile.Kind);
        Assert.Equal(new DateOnly(1946, 3, 8), profile.DateOfBirth);
        Assert.True(profile.Accessibility.HardOfHearing);
        Assert.True(profile.Accessibility.NeedsVideo);
        Assert.Equal(["+86" + mobile, "+861065529988"], profile.Phones.Select(p => p.Number));
        Assert.Equal(typed, profile.Phones[0].Raw);
        Assert.True(profile.Phones[0].Primary);
        Assert.Equal("wang.jg@example.com", Assert.Single(profile.Emails).Address);
        Assert.Equal("wechat", Assert.Single(profile.Messaging).Platform);
        Assert.Equal("CN", Assert.Single(profile.Addresses).Country);
        Assert.All(profile.Phones, p => Assert.Equal("distributor", p.Provenance.Source));
        Assert.All(profile.Phones, p => Assert.False(p.Provenance.Stale));
        Assert.False(profile.Masked);
    }

    public static TheoryData<string, string> InvalidPeople => new()
    {
        { """{"name":"A","kind":"patient","phones":[{"number":"12ab","type":"mobile"}]}""", "phones[0].number" },
        { """{"name":"A","kind":"patient","phones":[{"number":"13912345678"},{"number":"123"}]}""", "phones[1].number" },
        { """{"name":"A","kind":"patient","phones":[{"number":"13912345678","type":"pager"}]}""", "phones[0].type" },
        { """{"name":"A","kind":"patient","emails":["not-an-email"]}""", "emails[0]" },
        { """{"name":"A","kind":"alien"}""", "kind" },
        { """{"name":" ","kind":"patient"}""", "name" },
        { """{"name":"A","kind":"patient","addresses":[{"line1":"x","country":"China"}]}""", "addresses[0].country" },
        { """{"name":"A","kind":"patient","source":"rumour"}""", "source" },
    };

    [Theory]
    [MemberData(nameof(InvalidPeople))]
    public async Task Bad_input_is_a_400_naming_the_field(string json, string field)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var problem = await (await agent.PostRawAsync("/api/people", json)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.FieldsInError());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12")]
    [InlineData("")]
    public async Task Lookup_of_an_unreadable_number_is_a_400_naming_phone(string phone)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var problem = await (await agent.GetAsync($"/api/people/lookup?phone={Uri.EscapeDataString(phone)}")).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors("phone");
    }

    [Fact]
    public async Task A_caregivers_number_finds_the_patient_after_the_caregiver_themselves()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = PeopleTestKit.NewMobile();
        var daughter = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽", mobile, "caregiver"));
        var father = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));

        var related = await agent.PostAsJsonAsync($"/api/people/{daughter.Id}/relationships", new { kind = "caregiver-of", personId = father.Id });
        await related.ReadAsync<GetPersonProfile.Profile>(HttpStatusCode.Created);

        var matches = await (await agent.GetAsync($"/api/people/lookup?phone={Uri.EscapeDataString("0086 " + mobile)}")).ReadAsync<List<LookupCallers.Match>>();
        Assert.Equal([(daughter.Id, "self", (Guid?)null), (father.Id, "caregiver", daughter.Id)], matches.Select(m => (m.PersonId, m.MatchedVia, m.ViaPersonId)));
        var fatherProfile = await agent.GetPersonAsync(father.Id);
        var caredBy = Assert.Single(fatherProfile.Relationships);
        Assert.Equal(("cared-for-by", daughter.Id, "王丽"), (caredBy.Direction, caredBy.PersonId, caredBy.PersonName));
        var caresFor = Assert.Single((await agent.GetPersonAsync(daughter.Id)).Relationships);
        Assert.Equal(("caregiver-of", father.Id), (caresFor.Direction, caresFor.PersonId));
    }

    [Fact]
    public async Task Relationships_name_a_bad_kind_or_person_refuse_duplicates_and_unknown_people()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var a = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Mary Smith", kind: "caregiver"));
        var b = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("John Smith"));
        var path = $"/api/people/{a.Id}/relationships";

        (await (await agent.PostAsJsonAsync(path, new { kind = "friend-of", personId = b.Id })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("kind");
        (await (await agent.PostAsJsonAsync(path, new { kind = "parent-of", personId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("personId");
        (await (await agent.PostAsJsonAsync(path, new { kind = "parent-of" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("personId");
        await (await agent.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/relationships", new { kind = "parent-of", personId = b.Id })).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.PostAsJsonAsync(path, new { kind = "parent-of", personId = b.Id })).ReadAsync<GetPersonProfile.Profile>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync(path, new { kind = "parent-of", personId = b.Id })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_second_writer_with_an_old_version_gets_409_with_the_current_version()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Li Na"));
        var first = new { name = "Li Na", kind = "patient", notes = "first", version = person.Version };
        var second = first with { notes = "second" };

        var saved = await (await agent.PutAsJsonAsync($"/api/people/{person.Id}", first)).ReadAsync<GetPersonProfile.Profile>();
        var problem = await (await agent.PutAsJsonAsync($"/api/people/{person.Id}", second)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.NotEqual(person.Version, saved.Version);
        Assert.Equal(saved.Version, problem.Body.GetProperty("version").GetString());
        Assert.Equal("first", problem.Body.GetProperty("current").GetProperty("notes").GetString());
        Assert.Equal("first", (await agent.GetPersonAsync(person.Id)).Notes);
    }

    [Fact]
    public async Task A_field_rep_sees_only_their_own_people()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await rep.MyIdAsync();
        var mine = PeopleTestKit.NewMobile();
        var theirs = PeopleTestKit.NewMobile();
        var own = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Rep Own Customer", mine, fieldRep: repId));
        var (_, _, otherRep) = await app.CreateFreshUserAsync(Roles.FieldRep);
        var other = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Rep Other Customer", theirs, fieldRep: otherRep.Id));

        Assert.Equal("Rep Own Customer", (await rep.GetPersonAsync(own.Id)).Name);
        await (await rep.GetAsync($"/api/people/{other.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsync($"/api/people/{other.Id}/facts/{other.Phones[0].Id}/confirm", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await (await rep.GetAsync($"/api/people/lookup?phone={theirs}")).ReadAsync<List<LookupCallers.Match>>());
        Assert.Single(await (await rep.GetAsync($"/api/people/lookup?phone={mine}")).ReadAsync<List<LookupCallers.Match>>());
        var found = await (await rep.GetAsync("/api/people?q=Rep")).ReadAsync<List<SearchPeople.Hit>>();
        Assert.Equal([own.Id], found.Select(h => h.PersonId));
    }

    [Fact]
    public async Task An_outsourced_agent_sees_personal_data_masked()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var person = await agent.CreatePersonAsync(new
        {
            name = "Masked Person",
            kind = "patient",
            dateOfBirth = "1950-01-02",
            notes = "lives alone",
            phones = new[] { new { number = "+86 139 1234 5678", type = "mobile" } },
            emails = new[] { "masked.person@example.com" },
            addresses = new[] { new { line1 = "1 Secret Road", postalCode = "100000", city = "Beijing", country = "CN" } },
        });

        var seen = await outsourced.GetPersonAsync(person.Id);

        Assert.True(seen.Masked);
        Assert.Equal("Masked Person", seen.Name);
        Assert.Null(seen.DateOfBirth);
        Assert.Equal("***", seen.Notes);
        Assert.Equal("+86139****5678", seen.Phones[0].Number);
        Assert.Null(seen.Phones[0].Raw);
        Assert.Equal("m***@example.com", seen.Emails[0].Address);
        Assert.Equal(("***", "***", "Beijing"), (seen.Addresses[0].Line1, seen.Addresses[0].PostalCode, seen.Addresses[0].City));
        var hit = Assert.Single(await (await outsourced.GetAsync("/api/people?q=masked.person@example.com")).ReadAsync<List<SearchPeople.Hit>>());
        Assert.Equal("+86139****5678", hit.Phone);
    }

    [Fact]
    public async Task Every_read_of_a_profile_is_in_the_audit_log()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Audited Reader"));
        var agentId = await agent.MyIdAsync();
        var before = await CountReadsAsync(person.Id);

        await agent.GetPersonAsync(person.Id);

        Assert.Equal(before + 1, await CountReadsAsync(person.Id));
        var last = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Person" && e.EntityId == person.Id.ToString() && e.Action == "read")
            .OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(agentId, last.ActorId);
    }

    [Fact]
    public async Task A_stale_fact_is_marked_and_confirming_it_records_who_and_when()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Stale Fact", PeopleTestKit.NewMobile()));
        var phoneId = person.Phones[0].Id;
        var deviceId = await app.AddDeviceAsync(person.Id, $"SN-{Guid.NewGuid():N}"[..16], new DateOnly(2020, 1, 1));
        await app.WithDbAsync(async db =>
        {
            var phone = await db.ContactPoints.SingleAsync(c => c.Id == phoneId);
            phone.Provenance = phone.Provenance with { RecordedAt = phone.Provenance.RecordedAt.AddDays(-400) };
            return await db.SaveChangesAsync();
        });

        var before = await agent.GetPersonAsync(person.Id);
        Assert.True(before.Phones[0].Provenance.Stale);
        Assert.Null(before.Phones[0].Provenance.VerifiedAt);
        Assert.Equal("expired", Assert.Single(before.Devices).Warranty);

        var after = await (await agent.PostAsync($"/api/people/{person.Id}/facts/{phoneId}/confirm", null)).ReadAsync<GetPersonProfile.Profile>();

        Assert.False(after.Phones[0].Provenance.Stale);
        Assert.NotNull(after.Phones[0].Provenance.VerifiedAt);
        Assert.Equal(await agent.MyIdAsync(), after.Phones[0].Provenance.VerifiedBy);
        await (await agent.PostAsync($"/api/people/{person.Id}/facts/{deviceId}/confirm", null)).ReadAsync<GetPersonProfile.Profile>();
        await (await agent.PostAsync($"/api/people/{person.Id}/facts/{Guid.NewGuid()}/confirm", null)).ProblemAsync(HttpStatusCode.NotFound);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(ContactPoint) && e.EntityId == phoneId.ToString() && e.Action == "updated")
            .Select(e => e.Changes).ToListAsync());
        Assert.Contains(audited, changes => changes!.Contains("VerifiedBy", StringComparison.Ordinal));
    }

    private Task<int> CountReadsAsync(Guid id) => app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
        .CountAsync(e => e.EntityType == "Person" && e.EntityId == id.ToString() && e.Action == "read"));

    [Fact]
    public async Task Agents_get_the_active_field_reps_to_assign_a_person_to()
    {
        var admin = await app.CreateClientForRoleAsync(Roles.Admin);
        var email = $"rep-{Guid.NewGuid():N}@example.com";
        var created = await admin.PostAsJsonAsync("/api/users", new { email, displayName = "赵现场", password = "Rep-password-1", roles = new[] { Roles.FieldRep } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var reps = await (await agent.GetAsync("/api/people/field-reps")).ReadAsync<ListFieldReps.FieldRep[]>();

        Assert.Contains(reps, r => r.Name == UserSeeder.DemoName(Roles.FieldRep));
        var newRep = Assert.Single(reps, r => r.Name == "赵现场");
        Assert.DoesNotContain(reps, r => r.Name == UserSeeder.DemoName(Roles.Admin) || r.Name == UserSeeder.DemoName(Roles.Agent) || r.Name == UserSeeder.DemoName(Roles.OutsourcedAgent));

        (await admin.PostAsJsonAsync($"/api/users/{newRep.Id}/disable", new { })).EnsureSuccessStatusCode();
        var afterDisabling = await (await agent.GetAsync("/api/people/field-reps")).ReadAsync<ListFieldReps.FieldRep[]>();
        Assert.DoesNotContain(afterDisabling, r => r.Id == newRep.Id);
    }

    [Fact]
    public async Task A_person_can_be_assigned_only_to_an_active_field_rep()
    {
        var (admin, _, notRep) = await app.CreateFreshUserAsync(Roles.Agent);
        var (_, _, disabledRep) = await app.CreateFreshUserAsync(Roles.FieldRep);
        await admin.DisableAsync(disabledRep.Id);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        foreach (var wrong in new[] { notRep.Id, disabledRep.Id, "no-such-user" })
        {
            var problem = await (await agent.PostAsJsonAsync("/api/people", PeopleTestKit.NewPerson("Wrongly Assigned", fieldRep: wrong)))
                .ProblemAsync(HttpStatusCode.BadRequest);
            problem.Errors("assignedFieldRepId");
        }

        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Rightly Assigned", fieldRep: await rep.MyIdAsync()));
        var update = await agent.PutAsJsonAsync($"/api/people/{person.Id}", new
        {
            name = person.Name,
            kind = "patient",
            assignedFieldRepId = notRep.Id,
            version = person.Version,
        });
        (await update.ProblemAsync(HttpStatusCode.BadRequest)).Errors("assignedFieldRepId");
        Assert.Equal(await rep.MyIdAsync(), (await agent.GetPersonAsync(person.Id)).AssignedFieldRepId);
    }
}
