using CareDesk.Features.Contacts;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;

namespace CareDesk.IntegrationTests.Features.People;

/// <summary>A number more people share than one lookup returns always shows the same ones, in the same order.</summary>
public sealed class CallerLookupOrderTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_widely_shared_number_shows_the_most_recently_in_contact_first_then_by_name()
    {
        var mobile = PeopleTestKit.NewMobile();
        var e164 = "+86" + mobile;
        var now = TimeProvider.System.GetUtcNow();
        // Never in contact, added first: a lookup that cuts without ordering would keep these and drop the three below.
        var quiet = Enumerable.Range(0, 22).Select(i => $"P{i:00}").ToList();
        await SeedAsync(e164, quiet.Select(name => (name, (DateTimeOffset?)null)));
        await SeedAsync(e164, [("Z1", now.AddDays(-3)), ("Z2", now.AddDays(-1)), ("Z3", now.AddDays(-2))]);
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        var matches = await (await agent.GetAsync($"/api/people/lookup?phone={mobile}")).ReadAsync<List<LookupCallers.Match>>();
        var again = await (await agent.GetAsync($"/api/people/lookup?phone={mobile}")).ReadAsync<List<LookupCallers.Match>>();

        Assert.Equal(["Z2", "Z3", "Z1", .. quiet.Take(17)], matches.Select(m => m.Name));
        Assert.Equal(matches.Select(m => m.PersonId), again.Select(m => m.PersonId));
    }

    private Task<int> SeedAsync(string e164, IEnumerable<(string Name, DateTimeOffset? LastContact)> people) =>
        app.WithDbAsync(async db =>
        {
            foreach (var (name, lastContact) in people)
            {
                var person = new Person { DisplayName = name, CreatedAt = TimeProvider.System.GetUtcNow(), UpdatedAt = TimeProvider.System.GetUtcNow() };
                person.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "home", Value = e164, LastDigits = e164[^4..] });
                db.People.Add(person);
                if (lastContact is { } at)
                {
                    db.Contacts.Add(new Contact { Source = "agent", PersonId = person.Id, Channel = ContactChannel.Phone, StartedAt = at });
                    db.Contacts.Add(new Contact { Source = "agent", PersonId = person.Id, Channel = ContactChannel.Phone, StartedAt = at.AddDays(-30) });
                }

                // One save per person: rows in the order they were added, as a table that grew over time has them.
                await db.SaveChangesAsync();
            }

            return 0;
        });
}
