using CareDesk.Features.Devices;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.People;

/// <summary>
/// Demo mode only: a handful of people from PRODUCT.md's stories (an elderly hard-of-hearing patient and the
/// daughter who cares for him, a child on a pump and his mother, an English-speaking patient, a doctor), with
/// phones, relationships and devices, so the desktop has someone to find. Runs once, on an empty people table.
/// </summary>
internal sealed class DemoPeopleSeeder(
    CareDeskDbContext db,
    PhoneNumberParser phones,
    IOptions<DemoOptions> demo,
    TimeProvider time) : IDataSeeder
{
    // After the catalog their devices refer to.
    public int Order => 50;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled || await db.People.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        // Facts from a distributor two years ago: stale, so the desktop asks the agent to confirm them.
        var old = FactProvenance.Recorded(FactSource.Distributor, now.AddDays(-730));
        var fresh = FactProvenance.Recorded(FactSource.Agent, now.AddDays(-30));
        var fieldRep = await db.Users.Where(u => u.Email == UserSeeder.DemoEmail(Roles.FieldRep)).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);

        var grandfather = Person("王建国", "王", "建国", PersonKind.Patient, new DateOnly(1944, 5, 12), Sex.Male, "zh-CN", "Asia/Shanghai");
        grandfather.Accessibility = new AccessibilityNeeds { HardOfHearing = true, NeedsVideo = true, Notes = "说话请慢一些 / speak slowly" };
        grandfather.PreferredChannel = ContactChannel.Video;
        grandfather.AssignedFieldRepId = fieldRep;
        Phone(grandfather, "010-6552 9988", "home", old);
        grandfather.Addresses.Add(new Address { Type = "home", Line1 = "朝阳区建国路 88 号 3 单元 502", City = "北京", Country = "CN", Provenance = old });

        var daughter = Person("王丽", "王", "丽", PersonKind.Caregiver, new DateOnly(1975, 9, 3), Sex.Female, "zh-CN", "Asia/Shanghai");
        Phone(daughter, "139 1234 5678", "mobile", fresh);

        var child = Person("李小宝", "李", "小宝", PersonKind.Patient, new DateOnly(2015, 2, 20), Sex.Male, "zh-CN", "Asia/Shanghai");
        var mother = Person("李娜", "李", "娜", PersonKind.Caregiver, new DateOnly(1986, 11, 8), Sex.Female, "zh-CN", "Asia/Shanghai");
        Phone(mother, "+86 138 0013 8000", "mobile", fresh);
        mother.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Messaging, Type = "wechat", Value = "wx-demo-lina", Provenance = fresh });

        var mary = Person("Mary Smith", "Smith", "Mary", PersonKind.Patient, new DateOnly(1958, 1, 30), Sex.Female, "en", "Europe/London");
        mary.Accessibility = new AccessibilityNeeds { LowVision = true };
        Phone(mary, "+44 20 7946 0958", "home", fresh);
        mary.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Email, Type = "personal", Value = "mary.smith@example.com", Provenance = fresh });

        var doctor = Person("张医生", "张", "明", PersonKind.HealthcareProfessional, null, Sex.Unknown, "zh-CN", "Asia/Shanghai");
        Phone(doctor, "021-6408 1234", "work", fresh);

        db.People.AddRange(grandfather, daughter, child, mother, mary, doctor);
        db.Relationships.AddRange(
            new Relationship { FromPersonId = daughter.Id, ToPersonId = grandfather.Id, Kind = RelationshipKind.CaregiverOf, Provenance = fresh },
            new Relationship { FromPersonId = mother.Id, ToPersonId = child.Id, Kind = RelationshipKind.ParentOf, Provenance = fresh },
            new Relationship { FromPersonId = doctor.Id, ToPersonId = grandfather.Id, Kind = RelationshipKind.HealthcareProfessionalOf, Provenance = old });

        var pumpMonths = await db.ProductModels.Where(m => m.Id == "minimed-780g-pump").Select(m => m.WarrantyMonths).FirstOrDefaultAsync(cancellationToken);
        var pumpBought = new DateOnly(2024, 6, 1);
        db.Devices.AddRange(
            new Device { PersonId = grandfather.Id, ModelId = "sinocare-anwen-meter", SerialNumber = "AW2025030117", PurchaseDate = new DateOnly(2025, 3, 1), PurchasePlace = "同仁堂药店", Provenance = old },
            new Device { PersonId = child.Id, ModelId = "minimed-780g-pump", SerialNumber = "NG4113421H", PurchaseDate = pumpBought, WarrantyEnd = Device.ComputeWarrantyEnd(pumpBought, pumpMonths), Provenance = fresh },
            new Device { PersonId = child.Id, ModelId = "accu-chek-guide-meter", SerialNumber = "92508376551", PurchaseDate = new DateOnly(2024, 6, 1), Provenance = fresh },
            new Device { PersonId = mary.Id, ModelId = "accu-chek-guide-meter", SerialNumber = "92501234567", PurchaseDate = new DateOnly(2023, 11, 15), Provenance = fresh });

        await db.SaveChangesAsync(cancellationToken);

        Person Person(string name, string family, string given, PersonKind kind, DateOnly? born, Sex sex, string language, string zone) => new()
        {
            DisplayName = name,
            FamilyName = family,
            GivenName = given,
            Kind = kind,
            DateOfBirth = born,
            Sex = sex,
            Languages = [language],
            TimeZone = zone,
            CreatedAt = now,
            UpdatedAt = now,
        };

        void Phone(Person person, string typed, string type, FactProvenance provenance)
        {
            var parsed = phones.TryParse(typed) ?? throw new InvalidOperationException($"Demo phone '{typed}' does not parse.");
            person.ContactPoints.Add(new ContactPoint
            {
                Kind = ContactPointKind.Phone,
                Type = type,
                Value = parsed.E164,
                Raw = typed,
                LastDigits = parsed.LastDigits,
                Provenance = provenance,
            });
        }
    }
}
