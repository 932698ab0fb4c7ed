using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.People;

public sealed class UnmaskedPeopleFactory : CareDeskFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["People:MaskForOutsourcedAgents"] = "false" };
}

public sealed class PeopleMaskingOffTests(UnmaskedPeopleFactory app) : IClassFixture<UnmaskedPeopleFactory>
{
    [Fact]
    public async Task With_masking_off_an_outsourced_agent_sees_the_whole_profile()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var outsourced = await app.CreateClientForRoleAsync(Roles.OutsourcedAgent);
        var person = await agent.CreatePersonAsync(PeopleTestKit.NewPerson("Open Person", "+86 139 1234 5678", email: "open.person@example.com"));

        var seen = await outsourced.GetPersonAsync(person.Id);

        Assert.False(seen.Masked);
        Assert.Equal("+8613912345678", seen.Phones[0].Number);
        Assert.Equal("open.person@example.com", seen.Emails[0].Address);
    }
}
