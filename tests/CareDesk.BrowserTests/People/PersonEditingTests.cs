using CareDesk.BrowserTests.Infrastructure;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.BrowserTests.People;

public sealed class PersonEditingTests(BrowserSite site, ITestOutputHelper output) : BrowserTest(site, output)
{
    // The agent works in Chinese, the other demo users in English: the status reads as either.
    private static readonly System.Text.RegularExpressions.Regex Lost = new("已丢失|Lost");

    [Fact]
    public async Task Agent_edits_a_person_adds_a_phone_and_marks_a_device_lost()
    {
        var name = $"Edit {Guid.NewGuid():N}"[..13];
        var (personId, deviceId) = await CreatePersonWithPumpAsync(name);
        await SignInAsync(DemoEmail("agent"));

        await Page.Locator("#nav-people").ClickAsync();
        await Page.Locator("#people-search").FillAsync(name);
        await Page.Locator($"#person-link-{personId}").ClickAsync();
        await Expect(Page.Locator("#person-name")).ToHaveTextAsync(name);

        await Page.Locator("#person-edit").ClickAsync();
        await Page.Locator("#edit-preferred-hours").FillAsync("weekdays 9-11");
        await Page.Locator("#edit-save").ClickAsync();
        await Expect(Page.Locator("#person-editor")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#person-details")).ToContainTextAsync("weekdays 9-11");

        var mobile = TestValues.Mobile();
        await Page.Locator("#add-phone-number").FillAsync($"{mobile[..3]} {mobile[3..7]} {mobile[7..]}");
        await Page.Locator("#add-contact-point-save").ClickAsync();
        await Expect(Page.Locator("#person-contact-points")).ToContainTextAsync($"+86{mobile}");

        await Page.Locator($"#device-history-toggle-{deviceId}").ClickAsync();
        // A MudSelect keeps its id on a hidden input; the visible box around it opens the list.
        await Page.Locator($"#device-status-{deviceId}").Locator("xpath=..").ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = Lost }).ClickAsync();
        await Page.Locator($"#device-status-notes-{deviceId}").FillAsync("Left on a train");
        await Page.Locator($"#device-status-save-{deviceId}").ClickAsync();

        await Expect(Page.Locator($"#device-status-chip-{deviceId}")).ToHaveTextAsync(Lost);
        await Expect(Page.Locator($"#device-events-{deviceId}")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("(使用中 → 已丢失|In use → Lost)\\s*Left on a train"));
        await ScreenshotAsync("person-edit");
        Assert.Equal(DeviceStatus.Lost, await WithDbAsync(db => db.Devices.Where(d => d.Id == deviceId).Select(d => d.Status).SingleAsync()));
        Assert.Equal("weekdays 9-11", await WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.PreferredHours).SingleAsync()));
    }

    private async Task<(Guid PersonId, Guid DeviceId)> CreatePersonWithPumpAsync(string name)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("browser-test");
        var person = await scope.ServiceProvider.GetRequiredService<CreatePerson>().RunAsync(
            new CreatePerson.Request(name, null, null, "patient", null, null, null, null, null, null, null, null, null, null, null, null, null, "agent"),
            CancellationToken.None);
        var device = await scope.ServiceProvider.GetRequiredService<RegisterDevice>().RunAsync(
            person.Value, new RegisterDevice.Request("minimed-780g-pump", TestValues.Digits("NG", 7) + "H", PurchaseDate: new DateOnly(2025, 9, 1)),
            new StaffActor("browser-test", false), CancellationToken.None);
        return (person.Value, device.Value!.Id);
    }

    private async Task<T> WithDbAsync<T>(Func<CareDeskDbContext, Task<T>> query)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
