using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.IntegrationTests.Features.Devices;

public sealed class DevicesApiTests(CareDeskFactory app) : IClassFixture<CareDeskFactory>
{
    [Fact]
    public async Task A_pumps_warranty_end_is_computed_from_the_models_term()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await CreatePersonAsync();

        var response = await agent.PostAsJsonAsync($"/api/people/{person}/devices", new
        {
            modelId = "minimed-780g-pump",
            serialNumber = "NG1234567H",
            purchaseDate = "2025-01-15",
            purchasePlace = "Shanghai dealer",
            source = "dealer",
        });

        var device = await response.ReadAsync<DeviceView>(HttpStatusCode.Created);
        Assert.Equal($"/api/devices/{device.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(new DateOnly(2029, 1, 15), device.WarrantyEnd);
        Assert.Null(device.WarrantyOverrideReason);
        Assert.Equal("in-use", device.Status);
        Assert.Equal("dealer", device.Source);
        Assert.Equal("registered", Assert.Single(device.Events).Kind);
        var listed = await (await agent.GetAsync($"/api/people/{person}/devices")).ReadAsync<List<DeviceView>>();
        Assert.Equal(device.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task A_warranty_override_needs_a_reason()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await CreatePersonAsync();
        var body = new { modelId = "minimed-780g-pump", purchaseDate = "2025-01-15", warrantyEnd = "2030-01-15", warrantyOverrideReason = (string?)null };

        var problem = await (await agent.PostAsJsonAsync($"/api/people/{person}/devices", body)).ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors("warrantyOverrideReason");

        var device = await (await agent.PostAsJsonAsync($"/api/people/{person}/devices", body with { warrantyOverrideReason = "goodwill extension" }))
            .ReadAsync<DeviceView>(HttpStatusCode.Created);
        Assert.Equal(new DateOnly(2030, 1, 15), device.WarrantyEnd);
        Assert.Equal("goodwill extension", device.WarrantyOverrideReason);
    }

    [Theory]
    [InlineData("""{"modelId":"no-such-model"}""", "modelId")]
    [InlineData("""{"serialNumber":"1"}""", "modelId")]
    [InlineData("""{"modelId":"accu-chek-guide-meter","source":"rumour"}""", "source")]
    public async Task Bad_device_input_is_a_400_naming_the_field(string json, string field)
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var person = await CreatePersonAsync();

        var problem = await (await agent.PostRawAsync($"/api/people/{person}/devices", json)).ProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors(field);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var device = await RegisterAsync(agent, await CreatePersonAsync());
        var update = new UpdateDevice.Request(device.Version, device.ModelId, SerialNumber: "SN-FIRST");

        var first = await (await agent.PutAsJsonAsync($"/api/devices/{device.Id}", update)).ReadAsync<DeviceView>();
        await (await agent.PutAsJsonAsync($"/api/devices/{device.Id}", update with { SerialNumber = "SN-SECOND" })).ProblemAsync(HttpStatusCode.Conflict);

        var current = await (await agent.GetAsync($"/api/devices/{device.Id}")).ReadAsync<DeviceView>();
        Assert.Equal("SN-FIRST", current.SerialNumber);
        Assert.Equal(first.Version, current.Version);
        Assert.NotEqual(device.Version, current.Version);
    }

    [Fact]
    public async Task Status_changes_recorded_into_the_notes_before_they_had_columns_are_moved_into_them()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var device = await RegisterAsync(agent, await CreatePersonAsync());
        var (withNote, bare, repair) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await app.WithDbAsync(db =>
        {
            var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
            db.DeviceEvents.AddRange(
                new DeviceEvent { Id = withNote, DeviceId = device.Id, Kind = DeviceEventKind.StatusChanged, At = at, Notes = "in-use → lost: Left on a train → maybe" },
                new DeviceEvent { Id = bare, DeviceId = device.Id, Kind = DeviceEventKind.StatusChanged, At = at, Notes = "lost → returned" },
                new DeviceEvent { Id = repair, DeviceId = device.Id, Kind = DeviceEventKind.Repair, At = at, Notes = "in-use → lost: not a status change" });
            return db.SaveChangesAsync();
        });

        await app.WithDbAsync(async db =>
        {
            foreach (var statement in DeviceStatusChangeBackfill.Statements())
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            return 0;
        });

        var events = await app.WithDbAsync(db => db.DeviceEvents.Where(e => e.DeviceId == device.Id).ToDictionaryAsync(e => e.Id));
        Assert.Equal((DeviceStatus.InUse, DeviceStatus.Lost, "Left on a train → maybe"), (events[withNote].FromStatus, events[withNote].ToStatus, events[withNote].Notes));
        Assert.Equal((DeviceStatus.Lost, DeviceStatus.Returned, (string?)null), (events[bare].FromStatus, events[bare].ToStatus, events[bare].Notes));
        Assert.Equal(((DeviceStatus?)null, "in-use → lost: not a status change"), (events[repair].FromStatus, events[repair].Notes));
    }

    [Fact]
    public async Task A_status_change_and_a_repair_are_kept_in_the_history()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var device = await RegisterAsync(agent, await CreatePersonAsync());

        await (await agent.PostAsJsonAsync($"/api/devices/{device.Id}/events", new { kind = "repair", notes = "battery door replaced" })).ReadAsync<DeviceView>();
        var lost = await (await agent.PostAsJsonAsync($"/api/devices/{device.Id}/status", new { status = "lost", notes = "left on a train" })).ReadAsync<DeviceView>();

        Assert.Equal("lost", lost.Status);
        Assert.Contains(lost.Events, e => (e.Kind, e.FromStatus, e.ToStatus) == ("status-changed", "in-use", "lost"));
        Assert.Contains(lost.Events, e => e.Kind == "status-changed" && e.Notes == "left on a train");
        Assert.Contains(lost.Events, e => e.Kind == "repair" && e.Notes == "battery door replaced");
        var stored = await app.WithDbAsync(db => db.DeviceEvents.CountAsync(e => e.DeviceId == device.Id));
        Assert.Equal(3, stored);
        await (await agent.PostAsJsonAsync($"/api/devices/{device.Id}/status", new { status = "broken" })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_field_rep_touches_only_the_devices_of_their_own_customers()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);
        var rep = await app.CreateClientForRoleAsync(Roles.FieldRep);
        var repId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == UserSeeder.DemoEmail(Roles.FieldRep)).Select(u => u.Id).SingleAsync());
        var others = await CreatePersonAsync(assignedFieldRepId: "another-rep");
        var own = await CreatePersonAsync(assignedFieldRepId: repId);
        var othersDevice = await RegisterAsync(agent, others);

        await (await rep.GetAsync($"/api/people/{others}/devices")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync($"/api/people/{others}/devices", new { modelId = "accu-chek-guide-meter" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/devices/{othersDevice.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await rep.PostAsJsonAsync($"/api/devices/{othersDevice.Id}/status", new { status = "lost" })).ProblemAsync(HttpStatusCode.Forbidden);

        var mine = await RegisterAsync(rep, own);
        Assert.Equal(own, mine.PersonId);
        Assert.Single(await (await rep.GetAsync($"/api/people/{own}/devices")).ReadAsync<List<DeviceView>>());
    }

    [Fact]
    public async Task An_unknown_person_or_device_is_a_404()
    {
        var agent = await app.CreateClientForRoleAsync(Roles.Agent);

        await (await agent.GetAsync($"/api/people/{Guid.NewGuid()}/devices")).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync($"/api/devices/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<DeviceView> RegisterAsync(HttpClient client, Guid person) =>
        await (await client.PostAsJsonAsync($"/api/people/{person}/devices", new { modelId = "accu-chek-guide-meter", serialNumber = "GM-0001" }))
            .ReadAsync<DeviceView>(HttpStatusCode.Created);

    private Task<Guid> CreatePersonAsync(string? assignedFieldRepId = null) => app.WithDbAsync(async db =>
    {
        var person = new Person
        {
            DisplayName = "王秀英",
            FamilyName = "王",
            GivenName = "秀英",
            AssignedFieldRepId = assignedFieldRepId,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            UpdatedAt = TimeProvider.System.GetUtcNow(),
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });
}
