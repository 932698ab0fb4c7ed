using CareDesk.Features.Catalog;
using CareDesk.Features.Devices;
using CareDesk.Features.Outreach;
using CareDesk.Features.People;
using CareDesk.IntegrationTests.Infrastructure;
using CareDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.IntegrationTests.Features.Outreach;

/// <summary>
/// An outreach host on a clock standing still at 11:00 in Shanghai (03:00Z): inside every person's day in Asia, so
/// quiet hours refuse only those a test puts elsewhere.
/// </summary>
public class OutreachHost : CareDeskFactory
{
    public static readonly DateTimeOffset Start = new(2026, 12, 8, 3, 0, 0, TimeSpan.Zero);

    public OutreachHost() => Clock = new FakeTimeProvider(Start);
}

/// <summary>Builders for outreach: people with a device, consent and a number, written straight to the database (thousands at once).</summary>
internal static class OutreachTestKit
{
    public sealed record Seeded(string ModelId, IReadOnlyList<Guid> People);

    /// <summary>Ends every running campaign: the tests of a class share a host, and "next" offers from any running one.</summary>
    public static Task<int> EndRunningCampaignsAsync(this CareDeskFactory app) =>
        app.WithDbAsync(db => db.Campaigns.Where(c => c.Status == CampaignStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Ended)));

    /// <summary>A catalog model of its own, so a campaign's target selects exactly the people a test made.</summary>
    public static Task<string> NewModelAsync(this CareDeskFactory app) =>
        app.WithDbAsync(async db =>
        {
            var id = $"t-{Guid.NewGuid():N}"[..24];
            db.Manufacturers.Add(new Manufacturer { Id = id, NameEn = "Outreach Test Maker" });
            db.ProductModels.Add(new ProductModel { Id = id, ManufacturerId = id, Category = "meter", NameEn = "Outreach Test Meter" });
            await db.SaveChangesAsync();
            return id;
        });

    /// <summary>
    /// <paramref name="count"/> people with a device of <paramref name="modelId"/>, a mobile, and (unless told not to)
    /// phone consent for <paramref name="purposes"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> SeedPeopleAsync(
        this CareDeskFactory app,
        string modelId,
        int count,
        bool consent = true,
        bool phone = true,
        string? timeZone = null,
        string? preferredHours = null,
        params OutreachPurpose[] purposes)
    {
        if (purposes.Length == 0)
        {
            purposes = [OutreachPurpose.ServiceFollowUp];
        }

        var ids = new List<Guid>(count);
        for (var batch = 0; batch < count; batch += 1000)
        {
            await app.WithDbAsync(async db =>
            {
                var at = OutreachHost.Start.AddDays(-30);
                for (var i = batch; i < Math.Min(count, batch + 1000); i++)
                {
                    var person = new Person { DisplayName = $"外呼测试{i}", TimeZone = timeZone, PreferredHours = preferredHours, Languages = ["zh-CN"], CreatedAt = at, UpdatedAt = at };
                    if (phone)
                    {
                        var mobile = "+86" + TestValues.Mobile();
                        person.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Type = "mobile", Value = mobile, LastDigits = mobile[^4..], IsPrimary = true });
                    }

                    db.People.Add(person);
                    db.Devices.Add(new Device { PersonId = person.Id, ModelId = modelId, PurchaseDate = new DateOnly(2026, 6, 1) });
                    foreach (var purpose in consent ? purposes : [])
                    {
                        db.ConsentEntries.Add(new ConsentEntry
                        {
                            PersonId = person.Id,
                            Purpose = purpose,
                            Channel = OutreachChannel.Phone,
                            Granted = true,
                            Wording = "同意回访",
                            Method = ConsentMethod.Paper,
                            Source = "test",
                            RecordedBy = "test",
                            RecordedAt = at,
                        });
                    }

                    ids.Add(person.Id);
                }

                await db.SaveChangesAsync();
                return 0;
            });
        }

        return ids;
    }
}
