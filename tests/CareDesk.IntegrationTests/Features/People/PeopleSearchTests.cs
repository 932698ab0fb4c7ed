using System.Net;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.People;

public sealed class PeopleSearchTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task One_box_finds_people_by_name_phone_last_digits_email_and_serial()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var mobile = PeopleTestKit.NewMobile();
        var wang = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("王秀英", mobile, email: "xiuying.wang@example.cn"));
        var other = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("李秀英", PeopleTestKit.NewMobile()));
        var serial = $"SN{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        await app.AddDeviceAsync(wang.Id, serial, null);
        var last4 = mobile[^4..];

        async Task<List<SearchPeople.Hit>> Search(string q) =>
            await (await agent.GetAsync($"/api/people?q={Uri.EscapeDataString(q)}")).ReadAsync<List<SearchPeople.Hit>>();

        Assert.Equal([(wang.Id, "name")], (await Search("王秀")).Select(h => (h.PersonId, h.MatchedBy)));
        Assert.Equal([(wang.Id, "phone")], (await Search($"{mobile[..3]} {mobile[3..7]} {mobile[7..]}")).Select(h => (h.PersonId, h.MatchedBy)));
        Assert.Equal([(wang.Id, "phone")], (await Search($"+86-{mobile}")).Select(h => (h.PersonId, h.MatchedBy)));
        Assert.Equal([(wang.Id, "last-digits")], (await Search($"{last4} 王")).Select(h => (h.PersonId, h.MatchedBy)));
        Assert.Equal([(wang.Id, "last-digits")], (await Search($"王 {last4}")).Select(h => (h.PersonId, h.MatchedBy)));
        Assert.Equal([(wang.Id, "email")], (await Search("XiuYing.Wang@example.cn")).Select(h => (h.PersonId, h.MatchedBy)));
        Assert.Equal([(wang.Id, "serial")], (await Search(serial)).Select(h => (h.PersonId, h.MatchedBy)));
        Assert.Equal("+86" + mobile, (await Search(serial))[0].Phone);
        Assert.DoesNotContain(other.Id, (await Search($"{last4} 王")).Select(h => h.PersonId));
        Assert.Empty(await Search("nobody-by-this-name"));
        Assert.Empty(await Search(""));
    }

    [Fact]
    public async Task A_profile_shows_devices_with_their_warranty_state()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Warranty Person"));
        await app.AddDeviceAsync(person.Id, "W-IN", DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddYears(1));
        await app.AddDeviceAsync(person.Id, "W-OUT", new DateOnly(2001, 1, 1));
        await app.AddDeviceAsync(person.Id, "W-UNKNOWN", null);

        var profile = await (await agent.GetAsync($"/api/people/{person.Id}")).ReadAsync<GetPersonProfile.Profile>(HttpStatusCode.OK);

        Assert.Equal(
            [("W-IN", "in-warranty"), ("W-OUT", "expired"), ("W-UNKNOWN", "unknown")],
            profile.Devices.Select(d => (d.SerialNumber!, d.Warranty)).OrderBy(d => d.Item1));
        Assert.All(profile.Devices, d => Assert.Equal("Test Meter", d.ModelName));
    }
}
