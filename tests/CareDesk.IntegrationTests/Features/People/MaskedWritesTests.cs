using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Contacts;
using CareDesk.Features.Devices;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.People;

/// <summary>A viewer who reads personal data masked (an outsourced agent) cannot overwrite, confirm or remove what it cannot see.</summary>
public sealed class MaskedWritesTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Sending_back_masked_contact_notes_keeps_them_and_other_fields_change()
    {
        var (agent, outsourced, contact) = await ContactWithNotesAsync("caller mentioned her insulin dose");

        var seen = await (await outsourced.GetAsync($"/api/contacts/{contact.Id}")).ReadAsync<ContactView>();
        Assert.Equal("***", seen.Notes);
        var saved = await (await outsourced.PutAsJsonAsync($"/api/contacts/{contact.Id}", Resend(seen, seen.Notes, subject: "Strips"))).ReadAsync<ContactView>();

        Assert.Equal("***", saved.Notes);
        var stored = await (await agent.GetAsync($"/api/contacts/{contact.Id}")).ReadAsync<ContactView>();
        Assert.Equal("caller mentioned her insulin dose", stored.Notes);
        Assert.Equal("Strips", stored.Subject);
    }

    [Theory]
    [InlineData("replaced")]
    [InlineData(null)]
    public async Task Masked_contact_notes_cannot_be_replaced_or_cleared(string? notes)
    {
        var (agent, outsourced, contact) = await ContactWithNotesAsync("the real notes");
        var seen = await (await outsourced.GetAsync($"/api/contacts/{contact.Id}")).ReadAsync<ContactView>();

        var problem = await (await outsourced.PutAsJsonAsync($"/api/contacts/{contact.Id}", Resend(seen, notes))).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.NotEmpty(problem.Errors("notes"));
        var stored = await (await agent.GetAsync($"/api/contacts/{contact.Id}")).ReadAsync<ContactView>();
        Assert.Equal("the real notes", stored.Notes);
        Assert.Equal(contact.Version, stored.Version);
    }

    [Fact]
    public async Task A_masked_viewer_writes_notes_where_there_were_none()
    {
        var (agent, outsourced, contact) = await ContactWithNotesAsync(null);
        var seen = await (await outsourced.GetAsync($"/api/contacts/{contact.Id}")).ReadAsync<ContactView>();

        await (await outsourced.PutAsJsonAsync($"/api/contacts/{contact.Id}", Resend(seen, "asked for strips"))).ReadAsync<ContactView>();

        Assert.Equal("asked for strips", (await (await agent.GetAsync($"/api/contacts/{contact.Id}")).ReadAsync<ContactView>()).Notes);
    }

    [Fact]
    public async Task A_masked_viewer_cannot_confirm_or_remove_a_phone_or_an_address_but_an_agent_can()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var person = await agent.CreatePersonAsync(new
        {
            name = "Masked Facts",
            kind = "patient",
            phones = new[] { new { number = "+86 " + PeopleTestKit.NewMobile(), type = "mobile" } },
            addresses = new[] { new { line1 = "1 Quiet Road", city = "Beijing", country = "CN" } },
        });
        var phone = person.Phones[0].Id;
        var address = person.Addresses[0].Id;

        foreach (var fact in new[] { phone, address })
        {
            await (await outsourced.PostAsync($"/api/people/{person.Id}/facts/{fact}/confirm", null)).ProblemAsync(HttpStatusCode.Forbidden);
            await (await outsourced.DeleteAsync($"/api/people/{person.Id}/facts/{fact}")).ProblemAsync(HttpStatusCode.Forbidden);
        }

        var kept = await agent.GetPersonAsync(person.Id);
        Assert.Equal(person.Phones[0].Provenance.VerifiedAt, kept.Phones[0].Provenance.VerifiedAt);
        Assert.Single(kept.Phones);
        Assert.Single(kept.Addresses);
        Assert.True((await agent.PostAsync($"/api/people/{person.Id}/facts/{phone}/confirm", null)).IsSuccessStatusCode);
        Assert.True((await agent.DeleteAsync($"/api/people/{person.Id}/facts/{address}")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_masked_viewer_cannot_correct_a_devices_registered_facts_but_records_its_events()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var person = (await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Masked Device Owner"))).Id;
        var device = await (await agent.PostAsJsonAsync($"/api/people/{person}/devices", new { modelId = "minimed-780g-pump", serialNumber = "NG7654321H", source = "agent" }))
            .ReadAsync<DeviceView>(HttpStatusCode.Created);

        await (await outsourced.PutAsJsonAsync($"/api/devices/{device.Id}", new { version = device.Version, modelId = device.ModelId, serialNumber = "FORGED" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        var note = await outsourced.PostAsJsonAsync($"/api/devices/{device.Id}/events", new { kind = "note", notes = "caller reports a cracked clip" });

        Assert.True(note.IsSuccessStatusCode, await note.Content.ReadAsStringAsync());
        var stored = await (await agent.GetAsync($"/api/devices/{device.Id}")).ReadAsync<DeviceView>();
        Assert.Equal("NG7654321H", stored.SerialNumber);
    }

    private async Task<(HttpClient Agent, HttpClient Outsourced, ContactView Contact)> ContactWithNotesAsync(string? notes)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var person = (await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Masked Notes"))).Id;
        var contact = await (await agent.PostAsJsonAsync("/api/contacts", new { personId = person, channel = "phone", direction = "inbound", notes }))
            .ReadAsync<ContactView>(HttpStatusCode.Created);
        return (agent, outsourced, contact);
    }

    private static object Resend(ContactView seen, string? notes, string? subject = null) => new
    {
        version = seen.Version,
        channel = seen.Channel,
        direction = seen.Direction,
        personId = seen.PersonId,
        startedAt = seen.StartedAt,
        subject = subject ?? seen.Subject,
        notes,
    };
}
