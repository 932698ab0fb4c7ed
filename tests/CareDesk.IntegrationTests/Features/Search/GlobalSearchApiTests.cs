using System.Net.Http.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.People;
using CareDesk.Features.Search;
using CareDesk.IntegrationTests.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.Search;

/// <summary>The top bar's box over the API: people, cases by number, devices by serial, catalog models (issue 11, item 5).</summary>
public sealed class GlobalSearchApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    private static async Task<GlobalSearch.Results> SearchAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}")).ReadAsync<GlobalSearch.Results>();

    private static async Task<GetCase.View> OpenCaseAsync(HttpClient client, Guid personId)
    {
        var response = await client.PostAsJsonAsync("/api/cases", new { personId, type = "question", subject = "Strips do not fit" });
        return await response.ReadAsync<GetCase.View>(System.Net.HttpStatusCode.Created);
    }

    [Fact]
    public async Task One_box_finds_people_cases_by_number_devices_by_serial_and_catalog_models_grouped_by_kind()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = PeopleTestKit.NewMobile();
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Global Gwendolyn", mobile));
        var serial = $"GS{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var deviceId = await app.AddDeviceAsync(person.Id, serial, null);
        var opened = await OpenCaseAsync(agent, person.Id);

        var byName = await SearchAsync(agent, "gwendolyn");
        Assert.Contains(person.Id, byName.People.Select(p => p.PersonId));
        Assert.Contains(person.Id, (await SearchAsync(agent, mobile[^6..])).People.Select(p => p.PersonId));

        var byNumber = await SearchAsync(agent, opened.Number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal([opened.Id], byNumber.Cases.Select(c => c.Id));
        Assert.Equal("Global Gwendolyn", byNumber.Cases[0].PersonName);

        var bySerial = await SearchAsync(agent, serial);
        Assert.Equal([(deviceId, person.Id)], bySerial.Devices.Select(d => (d.DeviceId, d.PersonId)));
        Assert.DoesNotContain(person.Id, bySerial.People.Select(p => p.PersonId));

        Assert.Contains((await SearchAsync(agent, "accu-chek guide")).Models, m => m.ManufacturerId == "roche");
        var blank = await SearchAsync(agent, "  ");
        Assert.True(blank.People.Count + blank.Cases.Count + blank.Devices.Count + blank.Models.Count == 0);
    }

    [Fact]
    public async Task A_field_rep_finds_only_their_own_customers_cases_and_devices()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await rep.MyIdAsync();
        var (_, _, otherRep) = await app.CreateFreshUserAsync(Roles.FieldRep);
        var own = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Quillon Own", PeopleTestKit.NewMobile(), fieldRep: repId));
        var other = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Quillon Other", PeopleTestKit.NewMobile(), fieldRep: otherRep.Id));
        var otherSerial = $"GR{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        await app.AddDeviceAsync(other.Id, otherSerial, null);
        var otherCase = await OpenCaseAsync(agent, other.Id);
        var ownCase = await OpenCaseAsync(agent, own.Id);

        Assert.Equal([own.Id], (await SearchAsync(rep, "quillon")).People.Select(p => p.PersonId));
        Assert.Empty((await SearchAsync(rep, otherCase.Number)).Cases);
        Assert.Equal([ownCase.Id], (await SearchAsync(rep, ownCase.Number)).Cases.Select(c => c.Id));
        Assert.Empty((await SearchAsync(rep, otherSerial)).Devices);
        Assert.Single((await SearchAsync(agent, otherSerial)).Devices);
    }

    [Fact]
    public async Task A_masked_viewer_sees_the_numbers_of_people_found_masked()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var mobile = PeopleTestKit.NewMobile();
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Masked Marmaduke", mobile));

        var hit = (await SearchAsync(outsourced, "marmaduke")).People.Single(p => p.PersonId == person.Id);

        Assert.Equal(Masking.Phone("+86" + mobile), hit.Phone);
        Assert.DoesNotContain(mobile[3..7], hit.Phone, StringComparison.Ordinal);
    }
}
