using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.People;

public sealed class PeopleContactPointTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task Phones_emails_and_addresses_are_added_and_removed_one_at_a_time()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Contact Points"));
        var path = $"/api/people/{person.Id}/contact-points";

        var withPhone = await (await agent.PostAsJsonAsync(path, new { phone = new { number = "０１０－６５５２９９８８", type = "home" }, source = "person" }))
            .ReadAsync<GetPersonProfile.Profile>();
        var withEmail = await (await agent.PostAsJsonAsync(path, new { email = "CP@Example.org" })).ReadAsync<GetPersonProfile.Profile>();
        var withAddress = await (await agent.PostAsJsonAsync(path, new { address = new { line1 = "221B Baker Street", city = "London", country = "GB" } }))
            .ReadAsync<GetPersonProfile.Profile>();

        Assert.Equal(("+861065529988", "home", "person"), (withPhone.Phones[0].Number, withPhone.Phones[0].Type, withPhone.Phones[0].Provenance.Source));
        Assert.Equal("cp@example.org", Assert.Single(withEmail.Emails).Address);
        Assert.Equal("GB", Assert.Single(withAddress.Addresses).Country);
        (await (await agent.PostAsJsonAsync(path, new { phone = new { number = "call me" } })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("phone.number");
        await (await agent.PostAsJsonAsync(path, new { email = "cp@example.org" })).ProblemAsync(HttpStatusCode.Conflict);
        (await (await agent.PostAsJsonAsync(path, new { })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("phone");

        Assert.Equal(HttpStatusCode.NoContent, (await agent.DeleteAsync($"/api/people/{person.Id}/facts/{withPhone.Phones[0].Id}")).StatusCode);
        await (await agent.DeleteAsync($"/api/people/{person.Id}/facts/{withPhone.Phones[0].Id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await agent.GetPersonAsync(person.Id)).Phones);
    }
}
