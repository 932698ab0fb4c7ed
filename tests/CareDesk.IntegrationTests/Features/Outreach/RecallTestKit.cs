using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Testing;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>Builders for recalls: owners of devices with a serial or lot, written straight to the database.</summary>
internal static class RecallTestKit
{
    public sealed record Owner(Guid PersonId, IReadOnlyList<Guid> Devices);

    /// <summary>
    /// One person (a mobile unless <paramref name="phone"/> is false, an e-mail address when given) owning one device per
    /// (model, serial, lot). No consent at all: a recall needs none.
    /// </summary>
    public static Task<Owner> SeedOwnerAsync(this CareDeskFactory app, bool phone = true, string? email = null, params (string Model, string? Serial, string? Lot)[] devices) =>
        app.WithDbAsync(async db =>
        {
            var at = OutreachHost.Start.AddDays(-30);
            var person = new Person { DisplayName = "召回测试", Languages = ["zh-CN"], CreatedAt = at, UpdatedAt = at };
            if (phone)
            {
                var mobile = "+86" + TestValues.Mobile();
                person.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = mobile, LastDigits = mobile[^4..], IsPrimary = true });
            }

            if (email is not null)
            {
                person.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Email, Type = "home", Value = email, IsPrimary = true });
            }

            db.People.Add(person);
            var ids = new List<Guid>();
            foreach (var (model, serial, lot) in devices)
            {
                var device = new Device { PersonId = person.Id, ModelId = model, SerialNumber = serial, LotNumber = lot, PurchaseDate = new DateOnly(2026, 6, 1) };
                db.Devices.Add(device);
                ids.Add(device.Id);
            }

            await db.SaveChangesAsync();
            return new Owner(person.Id, ids);
        });
}
