using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Cases;

/// <summary>Issue 11 item 8: a case's description and the device concerned, changed at the version read.</summary>
public sealed class CaseDetailsTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Description_and_device_change_at_the_version_read_and_a_stale_edit_gets_409_without_overwriting()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var expert = await app.CreateClientForRoleAsync(Roles.Expert);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var device = await app.AddDeviceAsync(person.Id, TestValues.Digits("SN", 8), null);
        var opened = await OpenAsync(agent, person.Id);

        var edited = await (await agent.PutAsJsonAsync($"/api/cases/{opened.Id}/details", new { description = "Meter shows E-3 after a new strip.", deviceId = device, version = opened.Version }))
            .ReadAsync<GetCase.View>();

        Assert.Equal(("Meter shows E-3 after a new strip.", device), (edited.Description, edited.DeviceId));
        Assert.Contains("Test Meter", edited.DeviceLabel, StringComparison.Ordinal);
        var entry = edited.Timeline[^1];
        Assert.Equal(("details-changed", "description,device"), (entry.Kind, entry.Text));

        // The expert read the case before the agent's edit: their edit is refused and carries what is saved now.
        var stale = await expert.PutAsJsonAsync($"/api/cases/{opened.Id}/details", new { description = "Overwrites the agent's words", deviceId = (Guid?)null, version = opened.Version });
        var conflict = await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(edited.Version, conflict.Body.GetProperty("version").GetString());
        Assert.Equal("Meter shows E-3 after a new strip.", conflict.Body.GetProperty("current").GetProperty("description").GetString());
        var stored = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == opened.Id).Select(c => new { c.Description, c.DeviceId }).SingleAsync());
        Assert.Equal(("Meter shows E-3 after a new strip.", (Guid?)device), (stored.Description, stored.DeviceId));

        // At the version now read, clearing both is accepted.
        var cleared = await (await expert.PutAsJsonAsync($"/api/cases/{opened.Id}/details", new { description = " ", deviceId = (Guid?)null, version = edited.Version }))
            .ReadAsync<GetCase.View>();
        Assert.Equal((null, null), (cleared.Description, cleared.DeviceId));
    }

    [Fact]
    public async Task The_device_must_be_the_persons_or_a_patients_they_care_for_else_a_400_names_deviceId()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var father = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王建国"));
        var daughter = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王丽", kind: "caregiver"));
        var stranger = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        (await agent.PostAsJsonAsync($"/api/people/{daughter.Id}/relationships", new { kind = "caregiver-of", personId = father.Id })).EnsureSuccessStatusCode();
        var fathersMeter = await app.AddDeviceAsync(father.Id, TestValues.Digits("SN", 8), null);
        var strangersMeter = await app.AddDeviceAsync(stranger.Id, TestValues.Digits("SN", 8), null);
        var hers = await OpenAsync(agent, daughter.Id);

        var refused = await agent.PutAsJsonAsync($"/api/cases/{hers.Id}/details", new { description = "x", deviceId = strangersMeter, version = hers.Version });
        (await refused.ProblemAsync(HttpStatusCode.BadRequest)).Errors("deviceId");
        var unknown = await agent.PutAsJsonAsync($"/api/cases/{hers.Id}/details", new { deviceId = Guid.NewGuid(), version = hers.Version });
        (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).Errors("deviceId");

        // Her case about her father's meter: the meter she cares for is offered and accepted.
        var choices = await (await agent.GetAsync($"/api/cases/{hers.Id}/devices")).ReadAsync<CaseDevices.Choice[]>();
        Assert.Equal((fathersMeter, father.Name), (Assert.Single(choices).Id, choices[0].OwnerName));
        var accepted = await (await agent.PutAsJsonAsync($"/api/cases/{hers.Id}/details", new { deviceId = fathersMeter, version = hers.Version })).ReadAsync<GetCase.View>();
        Assert.Equal(fathersMeter, accepted.DeviceId);

        // Opening a case follows the same rule.
        var opened = await agent.PostAsJsonAsync("/api/cases", new { personId = daughter.Id, type = "question", subject = "x", deviceId = fathersMeter });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var openedRefused = await agent.PostAsJsonAsync("/api/cases", new { personId = daughter.Id, type = "question", subject = "x", deviceId = strangersMeter });
        (await openedRefused.ProblemAsync(HttpStatusCode.BadRequest)).Errors("deviceId");
    }

    [Theory]
    [InlineData("""{"description":"x"}""", "version")]
    [InlineData("""{"description":"x","version":"not-a-version"}""", "version")]
    [InlineData("""{"description":"x","deviceId":"nope","version":"VERSION"}""", "deviceId")]
    public async Task Bad_details_are_a_400_naming_the_field(string json, string field)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var opened = await OpenAsync(agent, person.Id);

        var response = await agent.PutAsync($"/api/cases/{opened.Id}/details", ApiJson.Raw(json.Replace("VERSION", opened.Version, StringComparison.Ordinal)));

        (await response.ProblemAsync(HttpStatusCode.BadRequest)).Errors(field);
    }

    [Fact]
    public async Task A_description_over_8000_characters_is_a_400_naming_it_and_a_field_rep_may_not_edit_others_cases()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李娜"));
        var opened = await OpenAsync(agent, person.Id);

        var tooLong = await agent.PutAsJsonAsync($"/api/cases/{opened.Id}/details", new { description = new string('x', 8001), version = opened.Version });
        (await tooLong.ProblemAsync(HttpStatusCode.BadRequest)).Errors("description");
        var forbidden = await rep.PutAsJsonAsync($"/api/cases/{opened.Id}/details", new { description = "x", version = opened.Version });
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null(await app.WithDbAsync(db => db.Cases.Where(c => c.Id == opened.Id).Select(c => c.Description).SingleAsync()));
    }

    internal static async Task<GetCase.View> OpenAsync(HttpClient client, Guid personId) =>
        await (await client.PostAsJsonAsync("/api/cases", new { personId, type = "technical-support", subject = "Meter shows an error" }))
            .ReadAsync<GetCase.View>(HttpStatusCode.Created);
}
