using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.People;
using CareDesk.Features.People.Merging;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.IntegrationTests.Platform;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.People.Merging;

public sealed class PersonMergeTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    private static readonly DateTimeOffset CallAt = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_merge_moves_every_row_to_the_survivor_and_an_unmerge_restores_both_people_exactly()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var shared = PeopleTestKit.NewMobile();
        var ownMobile = PeopleTestKit.NewMobile();
        var survivor = await agent.CreatePersonAsync(new
        {
            name = "张伟",
            kind = "patient",
            phones = new[] { new { number = shared, type = "mobile" } },
            emails = new[] { $"zw-{Guid.NewGuid():N}@example.com" },
            notes = "Prefers mornings.",
        });
        var merged = await agent.CreatePersonAsync(new
        {
            name = "张伟",
            familyName = "张",
            givenName = "伟",
            kind = "patient",
            dateOfBirth = "1950-06-01",
            sex = "male",
            accessibility = new { hardOfHearing = true },
            phones = new[] { new { number = shared, type = "mobile" }, new { number = ownMobile, type = "mobile" } },
            addresses = new[] { new { type = "home", line1 = "海淀区中关村大街 27 号", city = "北京", country = "cn" } },
            source = "distributor",
        });
        var daughter = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("张丽", kind: "caregiver"));
        var grandson = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("张小明"));
        async Task RelateAsync(Guid from, string kind, Guid to) =>
            await (await agent.PostAsJsonAsync($"/api/people/{from}/relationships", new { kind, personId = to })).ReadAsync<GetPersonProfile.Profile>(HttpStatusCode.Created);
        await RelateAsync(daughter.Id, "caregiver-of", merged.Id);   // moves "to"
        await RelateAsync(daughter.Id, "caregiver-of", survivor.Id); // makes the moved one a duplicate: dropped
        await RelateAsync(merged.Id, "parent-of", grandson.Id);      // moves "from"
        await RelateAsync(merged.Id, "caregiver-of", survivor.Id);   // between the two: dropped
        var device = await app.AddDeviceAsync(merged.Id, $"SN-{Guid.NewGuid():N}"[..16], null);
        var mergedCase = await agent.OpenCaseAsync(merged.Id);
        var survivorCase = await agent.OpenCaseAsync(survivor.Id);
        var mergedCall = await agent.LogCallAsync(merged.Id, CallAt);
        await (await agent.PostAsJsonAsync($"/api/people/{merged.Id}/consents", new { purpose = "survey", channel = "sms", granted = true, wording = "May we text you a survey? Yes.", method = "web-form" }))
            .ReadAsync<MergingTestKit.Created>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync($"/api/people/{merged.Id}/do-not-contact", new { reason = "Asked not to be called." })).ReadAsync<MergingTestKit.Created>();
        await app.SeedOutreachAsync(merged.Id, survivor.Id, mergedCase, device, await supervisor.MyIdAsync());
        var before = await app.SnapshotAsync(survivor.Id, merged.Id);

        var merge = await supervisor.MergedAsync(survivor.Id, merged.Id);

        Assert.Equal((survivor.Id, merged.Id), (merge.SurvivorId, merge.MergedId));
        Assert.Empty(await app.TablesNamingAsync(merged.Id));
        var after = await supervisor.GetPersonAsync(survivor.Id);
        Assert.Equal(new[] { "+86" + shared, "+86" + ownMobile }.Order(), after.Phones.Select(p => p.Number).Order());
        Assert.Single(after.Addresses);
        Assert.Equal(new DateOnly(1950, 6, 1), after.DateOfBirth);
        Assert.True(after.Accessibility.HardOfHearing);
        Assert.Equal([device], after.Devices.Select(d => d.Id));
        Assert.Equal(
            [("cared-for-by", daughter.Id), ("parent-of", grandson.Id)],
            after.Relationships.Select(r => (r.Direction, r.PersonId)).Order().ToList());
        Assert.Equal(2, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.PersonId == survivor.Id)));
        Assert.True(await app.WithDbAsync(db => db.DoNotContactEntries.Where(e => e.PersonId == survivor.Id).OrderByDescending(e => e.RecordedAt).Select(e => e.Active).FirstAsync()));
        var ghost = await supervisor.GetPersonAsync(merged.Id);
        Assert.Equal(survivor.Id, ghost.MergedIntoId);
        var hits = await (await agent.GetAsync($"/api/people/?q={Uri.EscapeDataString("+86" + ownMobile)}")).ReadAsync<List<SearchPeople.Hit>>();
        // The owner of the number, then the grandson the survivor is now a parent of (found through the parent's number).
        Assert.Equal([(survivor.Id, "phone"), (grandson.Id, "caregiver")], hits.Select(h => (h.PersonId, h.MatchedBy)));
        var lookup = await (await agent.GetAsync($"/api/people/lookup?phone={Uri.EscapeDataString("+86" + shared)}")).ReadAsync<List<LookupCallers.Match>>();
        Assert.DoesNotContain(merged.Id, lookup.Select(m => m.PersonId));
        var listed = await (await agent.GetAsync($"/api/people/{survivor.Id}/merges")).ReadAsync<ListPersonMerges.Merges>();
        Assert.Equal([merge.Id], listed.Items.Select(m => m.Id));
        Assert.Contains(await app.EntriesForAsync(AuditSubject.EntityType, survivor.Id.ToString()), e => e.Action == MergePeople.AuditAction);
        Assert.Equal(survivor.Id, await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == mergedCall).Select(c => c.PersonId).SingleAsync()));
        Assert.Equal(survivor.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == survivorCase).Select(c => c.PersonId).SingleAsync()));

        var outcome = await (await supervisor.UnmergeAsync(merge.Id)).ReadAsync<UnmergePeople.Outcome>();

        Assert.Empty(outcome.KeptSurvivorFields);
        var restored = await app.SnapshotAsync(survivor.Id, merged.Id);
        Assert.Equal(before.Keys, restored.Keys);
        foreach (var (key, row) in before)
        {
            Assert.True(row == restored[key], $"{key}\nbefore: {row}\nafter:  {restored[key]}");
        }

        Assert.Contains(await app.EntriesForAsync(AuditSubject.EntityType, survivor.Id.ToString()), e => e.Action == UnmergePeople.AuditAction);
        var again = await (await agent.GetAsync($"/api/people/?q={Uri.EscapeDataString("+86" + ownMobile)}")).ReadAsync<List<SearchPeople.Hit>>();
        // The number's owner again, then the two it is caregiver and parent of once more.
        Assert.Equal((merged.Id, "phone"), (again[0].PersonId, again[0].MatchedBy));
        Assert.Equal(new[] { survivor.Id, grandson.Id }.Order(), again.Skip(1).Select(h => h.PersonId).Order());
    }

    [Fact]
    public async Task A_contact_logged_after_the_merge_stays_with_the_survivor_unless_the_unmerge_moves_it()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var (survivor, merged) = await TwoAsync(supervisor);
        var merge = await supervisor.MergedAsync(survivor.Id, merged.Id);
        var stays = await supervisor.LogCallAsync(survivor.Id, CallAt);
        var moves = await supervisor.LogCallAsync(survivor.Id, CallAt.AddHours(1));
        var newCase = await supervisor.OpenCaseAsync(survivor.Id);

        (await (await supervisor.UnmergeAsync(merge.Id, new { contacts = new[] { Guid.NewGuid() } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("move.contacts[0]");
        await (await supervisor.UnmergeAsync(merge.Id, new { contacts = new[] { moves }, cases = Array.Empty<Guid>() })).ReadAsync<UnmergePeople.Outcome>();

        var owners = await app.WithDbAsync(db => db.Contacts.Where(c => c.Id == stays || c.Id == moves).ToDictionaryAsync(c => c.Id, c => c.PersonId));
        Assert.Equal(survivor.Id, owners[stays]);
        Assert.Equal(merged.Id, owners[moves]);
        Assert.Equal(survivor.Id, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == newCase).Select(c => c.PersonId).SingleAsync()));
    }

    [Fact]
    public async Task A_survivor_field_changed_after_the_merge_keeps_the_change_on_unmerge()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var (survivor, merged) = await TwoAsync(supervisor);
        var merge = await supervisor.MergedAsync(survivor.Id, merged.Id);
        var current = await supervisor.GetPersonAsync(survivor.Id);
        await (await supervisor.PutAsJsonAsync($"/api/people/{survivor.Id}", new { name = current.Name, kind = current.Kind, preferredHours = "weekdays 9–11", languages = current.Languages, dateOfBirth = current.DateOfBirth, version = current.Version }))
            .ReadAsync<GetPersonProfile.Profile>();

        var outcome = await (await supervisor.UnmergeAsync(merge.Id)).ReadAsync<UnmergePeople.Outcome>();

        Assert.Contains("preferredHours", outcome.KeptSurvivorFields);
        var restored = await supervisor.GetPersonAsync(survivor.Id);
        Assert.Equal("weekdays 9–11", restored.PreferredHours);
    }

    [Fact]
    public async Task Do_not_contact_on_either_person_holds_for_the_survivor_and_the_unmerge_takes_the_merges_entry_back()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var (survivor, merged) = await TwoAsync(supervisor);
        async Task SetAsync(Guid id, bool active) =>
            await (await supervisor.PostAsJsonAsync($"/api/people/{id}/do-not-contact", new { reason = "Asked on the phone.", active })).ReadAsync<MergingTestKit.Created>();
        await SetAsync(merged.Id, true);
        await SetAsync(survivor.Id, true);
        // The survivor's newer "lift" would otherwise hide the duplicate's "do not contact" in the joined ledger.
        await SetAsync(survivor.Id, false);
        Task<(bool Active, string Source)> NewestAsync(Guid id) => app.WithDbAsync(db => db.DoNotContactEntries.Where(e => e.PersonId == id)
            .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Select(e => new ValueTuple<bool, string>(e.Active, e.Source)).FirstAsync());

        var merge = await supervisor.MergedAsync(survivor.Id, merged.Id);

        Assert.Equal((true, "merge"), await NewestAsync(survivor.Id));
        await (await supervisor.UnmergeAsync(merge.Id)).ReadAsync<UnmergePeople.Outcome>();
        Assert.False((await NewestAsync(survivor.Id)).Active);
        Assert.True((await NewestAsync(merged.Id)).Active);
        Assert.False(await app.WithDbAsync(db => db.DoNotContactEntries.AnyAsync(e => (e.PersonId == survivor.Id || e.PersonId == merged.Id) && e.Source == "merge")));
    }

    [Fact]
    public async Task A_stale_version_is_a_409_naming_it_and_nothing_moves()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var (survivor, merged) = await TwoAsync(supervisor);
        var before = await app.SnapshotAsync(survivor.Id, merged.Id);

        var stale = await supervisor.PostAsJsonAsync($"/api/people/{survivor.Id}/merge", new { mergedId = merged.Id, note = "dup", survivorVersion = survivor.Version, mergedVersion = Guid.NewGuid() });

        (await stale.ProblemAsync(HttpStatusCode.Conflict)).Errors("mergedVersion");
        Assert.Equal(before, await app.SnapshotAsync(survivor.Id, merged.Id));
    }

    [Fact]
    public async Task Merging_a_person_into_itself_is_a_400_and_into_or_from_a_merged_person_a_409_naming_the_field()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var (survivor, merged) = await TwoAsync(supervisor);

        (await (await supervisor.MergeAsync(survivor, survivor)).ProblemAsync(HttpStatusCode.BadRequest)).Errors("mergedId");
        (await (await supervisor.PostAsJsonAsync($"/api/people/{survivor.Id}/merge", new { mergedId = merged.Id, note = " ", survivorVersion = survivor.Version, mergedVersion = merged.Version }))
            .ProblemAsync(HttpStatusCode.BadRequest)).Errors("note");
        await supervisor.MergedAsync(survivor.Id, merged.Id);
        var third = await supervisor.CreatePersonAsync(PeopleTestKit.NewPerson("王五"));
        var ghost = await supervisor.GetPersonAsync(merged.Id);

        (await (await supervisor.MergeAsync(third, ghost)).ProblemAsync(HttpStatusCode.Conflict)).Errors("mergedId");
        (await (await supervisor.MergeAsync(ghost, third)).ProblemAsync(HttpStatusCode.Conflict)).Errors("survivorId");
        await (await supervisor.PutAsJsonAsync($"/api/people/{merged.Id}", new { name = "x", kind = "patient", version = ghost.Version })).ProblemAsync(HttpStatusCode.Conflict);
        // Frozen until unmerged: new facts go to the survivor, or caller lookup would find the merged person again.
        await (await supervisor.PostAsJsonAsync($"/api/people/{merged.Id}/contact-points", new { email = "new@example.com" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await supervisor.PostAsJsonAsync($"/api/people/{third.Id}/relationships", new { kind = "caregiver-of", personId = merged.Id })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_merge_is_unmerged_once_a_second_unmerge_is_a_409()
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var (survivor, merged) = await TwoAsync(supervisor);
        var merge = await supervisor.MergedAsync(survivor.Id, merged.Id);
        await (await supervisor.UnmergeAsync(merge.Id)).ReadAsync<UnmergePeople.Outcome>();

        (await (await supervisor.UnmergeAsync(merge.Id)).ProblemAsync(HttpStatusCode.Conflict)).Errors("mergeId");
        await (await supervisor.UnmergeAsync(Guid.NewGuid())).ProblemAsync(HttpStatusCode.NotFound);
        var listed = await (await supervisor.GetAsync($"/api/people/{merged.Id}/merges")).ReadAsync<ListPersonMerges.Merges>();
        Assert.NotNull(Assert.Single(listed.Items).UnmergedAt);
        Assert.Null(listed.MergedIntoId);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.FieldRep)]
    public async Task Only_supervisors_merge_and_unmerge(string role)
    {
        var supervisor = await app.CreateClientForRoleAsync(Roles.Supervisor);
        var other = await app.CreateClientForRoleAsync(role);
        var (survivor, merged) = await TwoAsync(supervisor);

        await (await other.MergeAsync(survivor, merged)).ProblemAsync(HttpStatusCode.Forbidden);
        var merge = await supervisor.MergedAsync(survivor.Id, merged.Id);
        await (await other.UnmergeAsync(merge.Id)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<(GetPersonProfile.Profile Survivor, GetPersonProfile.Profile Merged)> TwoAsync(HttpClient client)
    {
        var survivor = await client.CreatePersonAsync(PeopleTestKit.NewPerson("李娜", PeopleTestKit.NewMobile()));
        var merged = await client.CreatePersonAsync(PeopleTestKit.NewPerson("李娜", PeopleTestKit.NewMobile()));
        return (survivor, merged);
    }
}
