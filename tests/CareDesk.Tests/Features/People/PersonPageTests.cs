using Bunit;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Features.People.Pages;
using CareDesk.Tests.Components;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Tests.Features.People;

public sealed class PersonPageTests : DatabaseComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("en", "Patient", "Hard of hearing", "Cared for by", "Accu-Chek Guide")]
    [InlineData("zh-CN", "患者", "听力障碍", "被照护于", "罗康全 智航")]
    public async Task The_profile_shows_the_person_their_needs_relationships_phones_and_devices_in_the_users_language(
        string culture, string kind, string hardOfHearing, string caredForBy, string model)
    {
        UseLanguage(culture);
        var father = await CreatePersonAsync("王建国", phones: ["010-6552 9988"], hardOfHearing: true);
        var daughter = await CreatePersonAsync("王丽", kind: "caregiver", phones: ["139 1234 5678"]);
        await RunAsync<AddRelationship, CareDesk.Platform.Api.Result<Guid>>(add =>
            add.RunAsync(daughter, new AddRelationship.Request("caregiver-of", father, "agent"), Unrestricted, CancellationToken.None));
        var meter = await RegisterDeviceAsync(father, "accu-chek-guide-meter", "92501234567", new DateOnly(2025, 6, 1));

        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, father));

        page.WaitForAssertion(() => Assert.Equal("王建国", page.Find("#person-name").TextContent.Trim()), Wait);
        Assert.Equal(kind, page.Find("#person-kind").TextContent.Trim());
        Assert.Equal(hardOfHearing, page.Find("#accessibility-hard-of-hearing").TextContent.Trim());
        Assert.Contains($"{caredForBy} 王丽", page.Find("#person-relationships").TextContent, StringComparison.Ordinal);
        Assert.Contains("+861065529988", page.Find("#person-contact-points").TextContent, StringComparison.Ordinal);
        Assert.Contains("92501234567", page.Find($"#device-{meter}").TextContent, StringComparison.Ordinal);
        // One display name per model: the reader's language, never both names side by side.
        Assert.Equal(model, page.Find($"#device-{meter} td").TextContent.Trim());
    }

    [Fact]
    public async Task Editing_a_field_saves_it_at_the_version_read()
    {
        UseLanguage("en");
        var id = await CreatePersonAsync("Mary Smith");
        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("#person-edit", Wait).Click();

        page.WaitForElement("#edit-preferred-hours", Wait).Change("weekdays 9-11");
        page.Find("#edit-notes").Change("Prefers her daughter on the line.");
        page.Find("#edit-save").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#person-editor")), Wait);
        var stored = await WithDbAsync(db => db.People.SingleAsync(p => p.Id == id));
        Assert.Equal("weekdays 9-11", stored.PreferredHours);
        Assert.Equal("Prefers her daughter on the line.", stored.Notes);
        page.WaitForAssertion(() => Assert.Equal("Prefers her daughter on the line.", page.Find("#person-notes").TextContent.Trim()), Wait);
    }

    [Fact]
    public async Task A_change_made_meanwhile_is_shown_with_its_values_and_not_overwritten()
    {
        UseLanguage("en");
        var id = await CreatePersonAsync("Li Na");
        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("#person-edit", Wait).Click();
        page.WaitForElement("#edit-notes", Wait).Change("Mine");

        // Another agent saves first.
        var profile = await RunAsync<GetPersonProfile, CareDesk.Platform.Api.Result<GetPersonProfile.Profile>>(get => get.RunAsync(id, Unrestricted, CancellationToken.None));
        var theirs = await RunAsync<UpdatePerson, CareDesk.Platform.Api.Result<Guid>>(update => update.RunAsync(id, new UpdatePerson.Request(
            "Li Na", null, null, "caregiver", null, null, null, null, null, null, null, null, "Theirs", profile.Value!.Version), Unrestricted, CancellationToken.None));
        Assert.True(theirs.Succeeded);
        page.Find("#edit-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Someone else changed this person", page.Find("#person-conflict").TextContent, StringComparison.Ordinal), Wait);
        var rows = page.FindAll("#person-conflict-values tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Notes", StringComparison.Ordinal) && r.Contains("Theirs", StringComparison.Ordinal) && r.Contains("Mine", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Caregiver", StringComparison.Ordinal) && r.Contains("Patient", StringComparison.Ordinal));
        Assert.Equal("Theirs", (await WithDbAsync(db => db.People.SingleAsync(p => p.Id == id))).Notes);

        // Saving again, having seen theirs, is a deliberate choice.
        page.Find("#edit-save").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#person-editor")), Wait);
        Assert.Equal("Mine", (await WithDbAsync(db => db.People.SingleAsync(p => p.Id == id))).Notes);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_named_under_its_field_and_nothing_is_stored()
    {
        UseLanguage("en");
        var id = await CreatePersonAsync("Zhang Wei");
        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("#person-edit", Wait).Click();

        page.WaitForElement("#edit-time-zone", Wait).Change("Mars/Olympus");
        page.Find("#edit-save").Click();

        page.WaitForAssertion(
            () => Assert.Contains("Unknown time zone", page.Find("#edit-time-zone").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Asia/Shanghai", (await WithDbAsync(db => db.People.SingleAsync(p => p.Id == id))).TimeZone);
    }

    [Fact]
    public async Task A_phone_in_any_format_is_added_as_E164_and_an_unreadable_one_is_named()
    {
        UseLanguage("en");
        var id = await CreatePersonAsync("Chen Jie");
        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("#add-phone-number", Wait).Change("12ab");
        page.Find("#add-contact-point-save").Click();
        page.WaitForAssertion(() => Assert.Contains("“12ab” is not a phone number", page.Find("#add-contact-point").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(0, await WithDbAsync(db => db.ContactPoints.CountAsync(c => c.PersonId == id)));

        page.Find("#add-phone-number").Change("０１３８－００１３－８０００");
        page.Find("#add-contact-point-save").Click();

        page.WaitForAssertion(() => Assert.Contains("+8613800138000", page.Find("#person-contact-points").TextContent, StringComparison.Ordinal), Wait);
        var stored = await WithDbAsync(db => db.ContactPoints.SingleAsync(c => c.PersonId == id));
        Assert.Equal("+8613800138000", stored.Value);
        Assert.Equal(FactSource.Agent, stored.Provenance.Source);
    }

    [Fact]
    public async Task An_email_is_added_after_choosing_its_kind()
    {
        UseLanguage("en");
        var id = await CreatePersonAsync("Mary Smith");
        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("#add-kind-email", Wait).Click();
        page.WaitForElement("#add-email", Wait).Change("Mary.Smith@Example.com");
        page.Find("#add-contact-point-save").Click();

        page.WaitForAssertion(() => Assert.Contains("mary.smith@example.com", page.Find("#person-contact-points").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task A_phone_is_removed_only_after_the_removal_is_confirmed()
    {
        UseLanguage("en");
        var id = await CreatePersonAsync("Wang Gang", phones: ["139 0000 1111", "010 6552 0000"]);
        var phone = await WithDbAsync(db => db.ContactPoints.SingleAsync(c => c.PersonId == id && c.Value == "+8613900001111"));
        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement($"#remove-fact-{phone.Id}", Wait).Click();
        page.Find($"#remove-cancel-{phone.Id}").Click();
        Assert.Equal(2, await WithDbAsync(db => db.ContactPoints.CountAsync(c => c.PersonId == id)));

        page.Find($"#remove-fact-{phone.Id}").Click();
        page.Find($"#remove-confirm-{phone.Id}").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"#fact-{phone.Id}")), Wait);
        Assert.False(await WithDbAsync(db => db.ContactPoints.AnyAsync(c => c.Id == phone.Id)));
        Assert.Contains("+861065520000", page.Find("#person-contact-points").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relationship_is_added_to_a_person_found_by_search_and_read_from_this_side()
    {
        UseLanguage("en");
        var mother = await CreatePersonAsync("李娜", kind: "caregiver", phones: ["138 0013 8001"]);
        var child = await CreatePersonAsync("李小宝");
        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, child));

        Choose(page.FindComponent<AddRelationshipForm>(), "relationship-kind", "child-of");
        page.WaitForElement("#relationship-search", Wait).Input("138 0013 8001");
        // MudBlazor debounces the search box on the injected clock.
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForElement($"#relationship-candidate-{mother}", Wait);
        page.Find("#add-relationship-save").Click();

        page.WaitForAssertion(() => Assert.Contains("Child of 李娜", page.Find("#person-relationships").TextContent, StringComparison.Ordinal), Wait);
        var stored = await WithDbAsync(db => db.Relationships.SingleAsync(r => r.ToPersonId == child));
        Assert.Equal((mother, RelationshipKind.ParentOf), (stored.FromPersonId, stored.Kind));
    }

    [Fact]
    public async Task A_devices_status_change_and_a_repair_are_stored_and_shown_in_its_history()
    {
        UseLanguage("en");
        var id = await CreatePersonAsync("李小宝");
        var pump = await RegisterDeviceAsync(id, "minimed-780g-pump", "NG4113421H", new DateOnly(2025, 9, 1));
        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement($"#device-history-toggle-{pump}", Wait).Click();
        page.WaitForElement($"#device-status-{pump}", Wait);
        Choose(page.FindComponent<CareDesk.Features.Devices.Pages.DeviceHistory>(), $"device-status-{pump}", "lost");
        page.Find($"#device-status-notes-{pump}").Change("Left on a train");
        page.Find($"#device-status-save-{pump}").Click();

        page.WaitForAssertion(() => Assert.Equal("Lost", page.Find($"#device-status-chip-{pump}").TextContent.Trim()), Wait);
        Assert.Equal(DeviceStatus.Lost, (await WithDbAsync(db => db.Devices.SingleAsync(d => d.Id == pump))).Status);

        Choose(page.FindComponent<CareDesk.Features.Devices.Pages.DeviceHistory>(), $"device-event-kind-{pump}", "repair");
        page.Find($"#device-event-notes-{pump}").Change("Motor replaced under warranty");
        page.Find($"#device-event-save-{pump}").Click();

        page.WaitForAssertion(() => Assert.Contains("Motor replaced under warranty", page.Find($"#device-events-{pump}").TextContent, StringComparison.Ordinal), Wait);
        var events = await WithDbAsync(db => db.DeviceEvents.Where(e => e.DeviceId == pump).ToListAsync());
        Assert.Contains(events, e => e.Kind == DeviceEventKind.StatusChanged && (e.FromStatus, e.ToStatus, e.Notes) == (DeviceStatus.InUse, DeviceStatus.Lost, "Left on a train"));
        // The history names both statuses in the reader's words, never the stored codes.
        Assert.Contains("In use → Lost", page.Find($"#device-events-{pump}").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("in-use", page.Find($"#device-events-{pump}").TextContent, StringComparison.Ordinal);
        Assert.Contains(events, e => e.Kind == DeviceEventKind.Repair && e.Notes == "Motor replaced under warranty");
        Assert.Contains("Left on a train", page.Find($"#device-events-{pump}").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsourced_agent_sees_the_person_masked_and_cannot_edit()
    {
        UseLanguage("en");
        SignInAs("outsourced-agent");
        var id = await CreatePersonAsync("王建国", phones: ["139 1234 5678"]);

        var page = RenderInLayout<PersonPage>(p => p.Add(x => x.Id, id));

        page.WaitForElement("#person-masked", Wait);
        Assert.Empty(page.FindAll("#person-edit"));
        Assert.Contains("+86139****5678", page.Find("#person-contact-points").TextContent, StringComparison.Ordinal);
        var phone = await WithDbAsync(db => db.ContactPoints.SingleAsync(c => c.PersonId == id));
        Assert.Empty(page.FindAll($"#remove-fact-{phone.Id}"));
        Assert.Empty(page.FindAll($"#confirm-fact-{phone.Id}"));
    }
}
