using System.Net.Http.Json;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features;

/// <summary>Demo mode gives the desktop someone to find: the stories' people, with caregivers' numbers that find the patient.</summary>
public sealed class DemoDataTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task The_daughters_number_finds_her_and_then_the_father_she_cares_for()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var matches = await agent.GetFromJsonAsync<List<Match>>("/api/people/lookup?phone=139-1234-5678");

        Assert.Equal([("王丽", "self"), ("王建国", "caregiver")], matches!.Select(m => (m.Name, m.MatchedVia)));
    }

    private sealed record Match(Guid PersonId, string Name, string MatchedVia, Guid? ViaPersonId);
}
