using System.Globalization;
using System.Text;
using System.Text.Json;
using CareDesk.Features.Catalog;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Features.Telephony;
using CareDesk.Platform.Audit;
using CareDesk.Platform.Data;
using CareDesk.Platform.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.BrowserTests.Infrastructure;

/// <summary>Plays the phone system: signed telephony events, and callers the pops can find.</summary>
internal static class PhoneSystem
{
    public static async Task RingAsync(Uri baseAddress, string agent, string callId, string from)
    {
        var body = JsonSerializer.Serialize(new
        {
            eventId = Guid.NewGuid().ToString("N"),
            callId,
            type = "ringing",
            from,
            to = "+864008001234",
            agent,
            at = TimeProvider.System.GetUtcNow(),
        });
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(
            WebhookSignature.Compute(TelephonyOptions.DemoWebhookSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telephony/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A caller who is hard of hearing, cares for someone and has a meter under warranty.</summary>
    public static async Task<Guid> SeedCallerAsync(IServiceProvider services, string name, string phone)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("test");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDeskDbContext>>().CreateDbContextAsync();
        var now = TimeProvider.System.GetUtcNow();
        var caller = new Person { DisplayName = name, Kind = PersonKind.Caregiver, CreatedAt = now, UpdatedAt = now, Accessibility = new AccessibilityNeeds { HardOfHearing = true } };
        caller.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = phone, LastDigits = phone[^4..] });
        var patient = new Person { DisplayName = "Cared-for " + name, Kind = PersonKind.Patient, CreatedAt = now, UpdatedAt = now };
        db.People.AddRange(caller, patient);
        db.Relationships.Add(new Relationship { FromPersonId = caller.Id, ToPersonId = patient.Id, Kind = RelationshipKind.CaregiverOf });
        var modelId = "pop-meter-" + Guid.NewGuid().ToString("N");
        if (!await db.Manufacturers.AnyAsync(m => m.Id == "pop-test"))
        {
            db.Manufacturers.Add(new Manufacturer { Id = "pop-test", NameEn = "Pop Test" });
        }

        db.ProductModels.Add(new ProductModel { Id = modelId, ManufacturerId = "pop-test", Category = "bg_meter", NameEn = "Pop Meter", NameZh = "测试血糖仪", WarrantyMonths = 24 });
        db.Devices.Add(new Device { PersonId = caller.Id, ModelId = modelId, SerialNumber = "SN-POP-1", PurchaseDate = DateOnly.FromDateTime(now.UtcDateTime), WarrantyEnd = DateOnly.FromDateTime(now.UtcDateTime).AddYears(2) });
        await db.SaveChangesAsync();
        return caller.Id;
    }
}
