using System.Text.RegularExpressions;
using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.People;

public sealed class PersonProfileTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public async Task Agent_finds_a_person_and_confirms_a_stale_phone_number()
    {
        var name = $"Stale {Guid.NewGuid():N}"[..14];
        var (personId, phoneId) = await CreatePersonWithOldPhoneAsync(name);
        await SignInAsync(DemoEmail("agent"));

        await Page.Locator("#nav-people").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/people$"));
        await Page.Locator("#people-search").FillAsync(name);
        await Page.Locator($"#person-link-{personId}").ClickAsync();

        await Expect(Page.Locator("#person-name")).ToHaveTextAsync(name);
        await Expect(Page.Locator("#accessibility-hard-of-hearing")).ToBeVisibleAsync();
        await Expect(Page.Locator($"#stale-{phoneId}")).ToBeVisibleAsync();
        await Page.Locator($"#confirm-fact-{phoneId}").ClickAsync();

        await Expect(Page.Locator($"#confirm-fact-{phoneId}")).ToHaveCountAsync(0);
        await Expect(Page.Locator($"#stale-{phoneId}")).ToHaveCountAsync(0);
        await ScreenshotAsync("person-360");
    }

    [Fact]
    public async Task Quick_create_from_an_unknown_number_opens_the_new_profile()
    {
        var name = $"Caller {Guid.NewGuid():N}"[..15];
        await SignInAsync(DemoEmail("agent"));

        await GoToAsync("/people/new?phone=0755%208888%208888");
        await Expect(Page.Locator("#new-person-phone")).ToHaveValueAsync("0755 8888 8888");
        await Page.Locator("#new-person-name").FillAsync(name);
        await Page.Locator("#new-person-save").ClickAsync();

        await Expect(Page.Locator("#person-name")).ToHaveTextAsync(name);
        await Expect(Page.Locator("#person-contact-points")).ToContainTextAsync("+8675588888888");
    }

    // A phone recorded 400 days ago, by a distributor, never confirmed since: the profile must ask about it.
    private async Task<(Guid PersonId, Guid PhoneId)> CreatePersonWithOldPhoneAsync(string name)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-test");
        var created = await scope.ServiceProvider.GetRequiredService<CreatePerson>().RunAsync(
            new CreatePerson.Request(
                name, null, null, "patient", null, null, null, null,
                new CreatePerson.AccessibilityInput(HardOfHearing: true, LowVision: false, NeedsVideo: true, NeedsCaregiverPresent: false, Notes: null),
                null, null, null, null,
                [new CreatePerson.PhoneInput(TestValues.Mobile(), "mobile")],
                null, null, null, "distributor"),
            CancellationToken.None);
        var personId = created.Value;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        var phone = await db.ContactPoints.SingleAsync(c => c.PersonId == personId);
        phone.Provenance = phone.Provenance with { RecordedAt = phone.Provenance.RecordedAt.AddDays(-400) };
        await db.SaveChangesAsync();
        return (personId, phone.Id);
    }
}
