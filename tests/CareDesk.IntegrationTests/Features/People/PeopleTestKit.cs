using System.Net;
using System.Net.Http.Json;
using CareDesk.Features.Catalog;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Features.Users;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Testing;

namespace CareDesk.IntegrationTests.Features.People;

/// <summary>Builders for people and their devices, through the API where it can and the database where it must.</summary>
internal static class PeopleTestKit
{
    /// <summary>A mobile number no other test uses: +86 139 then eight digits.</summary>
    public static string NewMobile() => TestValues.Mobile();

    public static object NewPerson(string name, string? phone = null, string kind = "patient", string? email = null, string? fieldRep = null) => new
    {
        name,
        kind,
        phones = phone is null ? Array.Empty<object>() : [new { number = phone, type = "mobile" }],
        emails = email is null ? Array.Empty<string>() : [email],
        assignedFieldRepId = fieldRep,
    };

    public static async Task<GetPersonProfile.Profile> CreatePersonAsync(this HttpClient client, object person)
    {
        var response = await client.PostAsJsonAsync("/api/people", person);
        return await response.ReadAsync<GetPersonProfile.Profile>(HttpStatusCode.Created);
    }

    public static async Task<GetPersonProfile.Profile> GetPersonAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/people/{id}")).ReadAsync<GetPersonProfile.Profile>();

    public static async Task<string> MyIdAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/me")).ReadAsync<UserView>()).Id;

    /// <summary>A device of <paramref name="personId"/> on a model created for it (the catalog seed lives elsewhere).</summary>
    public static Task<Guid> AddDeviceAsync(this CareDeskFactory app, Guid personId, string serial, DateOnly? warrantyEnd) =>
        app.WithDbAsync(async db =>
        {
            var modelId = $"test-meter-{Guid.NewGuid():N}"[..30];
            db.Manufacturers.Add(new Manufacturer { Id = modelId, NameEn = "Test Maker" });
            db.ProductModels.Add(new ProductModel { Id = modelId, ManufacturerId = modelId, Category = "meter", NameEn = "Test Meter" });
            var device = new Device { PersonId = personId, ModelId = modelId, SerialNumber = serial, WarrantyEnd = warrantyEnd };
            db.Devices.Add(device);
            await db.SaveChangesAsync();
            return device.Id;
        });
}
