using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints.Imdrf;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// Fills a <see cref="ComplaintReport"/> from what CareDesk stores: the complaint file, its case, the person it is for
/// (the patient), the caller who reached us for them (the initial reporter), the case's device with its catalog model
/// and maker, and the model's regulatory profile in force. What the complaint file does not hold yet stays null
/// (docs/regulatory-exports.md lists those fields). Access is checked by the caller of this reader.
/// </summary>
public sealed class ComplaintReportReader(CareDeskDbContext db, TimeProvider time)
{
    /// <summary>The report, or null when no complaint has that id.</summary>
    public async Task<ComplaintReport?> ReadAsync(Guid complaintId, CancellationToken cancellationToken)
    {
        var complaint = await db.Set<Complaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == complaint.CaseId, cancellationToken);
        var patient = await PersonAsync(complaint.PersonId, cancellationToken);
        (Person Person, List<ContactPoint> Contacts, Address? Address)? caller = @case.CallerPersonId is { } callerId ? await PersonAsync(callerId, cancellationToken) : null;
        var device = @case.DeviceId is { } deviceId
            ? await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken)
            : null;
        var model = device is null ? null : await db.ProductModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == device.ModelId, cancellationToken);
        var maker = model is null ? null : await db.Manufacturers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == model.ManufacturerId, cancellationToken);
        var profile = model is null ? null : await GetRegulatoryProfile.CurrentAsync(db, model.Id, cancellationToken);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(complaint.ReceivingTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var reporter = caller ?? patient;
        return new ComplaintReport(
            complaint.Id,
            Cases.CaseNumbers.Display(@case.Number),
            today,
            new ReportManufacturer(maker?.NameEn, maker?.NameZh, maker?.Country),
            Device(device, model, profile),
            new ReportEvent(
                EventDate: null,
                complaint.AwarenessAt,
                complaint.ReceivingTimeZone,
                EventCountry: null,
                EuMemberState: null,
                // The caller's words as the agent wrote them on the case, until the complaint file has its own narrative.
                Narrative: string.IsNullOrWhiteSpace(@case.Description) ? @case.Subject : $"{@case.Subject}\n{@case.Description}",
                PatientOutcome: null,
                Facts: new Dictionary<string, FactValue>(),
                EventClasses: new Dictionary<string, string>()),
            Reporter(reporter.Person, reporter.Contacts, reporter.Address),
            Patient(patient.Person, @case.Number, complaint.AwarenessAt),
            ReportInvestigation.None,
            Codes([]));
    }

    /// <summary>The IMDRF codes, each with its shipped term; an unknown code keeps an empty term rather than vanish.</summary>
    internal static IReadOnlyList<ReportCode> Codes(IEnumerable<string> codes) =>
        [.. codes.Select(code => ImdrfTerms.Shipped.Find(code) is { } term
            ? new ReportCode(term.Annex, term.Code, term.Term)
            : new ReportCode(code.Length > 0 ? char.ToUpperInvariant(code[0]) : '?', code, ""))];

    private async Task<(Person Person, List<ContactPoint> Contacts, Address? Address)> PersonAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        var contacts = await db.ContactPoints.AsNoTracking().Where(c => c.PersonId == id).ToListAsync(cancellationToken);
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.PersonId == id).ToListAsync(cancellationToken);
        return (person, contacts, addresses.OrderBy(a => a.Type != "home").ThenBy(a => a.Id).FirstOrDefault());
    }

    private static ReportDevice Device(Device? device, ProductModel? model, RegulatoryProfile? profile)
    {
        RegulatoryMarket? Market(string market) => profile?.Markets.FirstOrDefault(m => m.Market == market);
        var us = Market("US");
        var eu = Market("EU");
        var cn = Market("CN");
        return new ReportDevice(
            model?.Id,
            model?.Brand,
            model?.NameEn,
            model?.NameZh,
            model?.ModelNumbers.FirstOrDefault(),
            device?.SerialNumber,
            device?.LotNumber,
            model?.UdiDi,
            UdiText: null,
            Expiry: null,
            Manufactured: null,
            model?.RegulatoryKind switch
            {
                RegulatoryKind.Ivd => "ivd",
                RegulatoryKind.Software => "software",
                RegulatoryKind.Device => "device",
                _ => null,
            },
            us?.ProductCode,
            us?.DeviceClass,
            eu?.Regulation,
            eu?.DeviceClass,
            cn?.DeviceClass,
            CnRegistrationNumber: null);
    }

    private static ReportPerson Reporter(Person person, List<ContactPoint> contacts, Address? address) => new(
        person.DisplayName,
        Kind(person.Kind),
        Primary(contacts, ContactPointKind.Phone),
        Primary(contacts, ContactPointKind.Email),
        address is null ? null : string.Join(", ", new[] { address.Line1, address.Line2 }.Where(l => !string.IsNullOrWhiteSpace(l))),
        address?.City,
        address?.Region,
        address?.PostalCode,
        address?.Country);

    private static ReportPatient Patient(Person person, string caseNumber, DateTimeOffset awareness)
    {
        int? age = null;
        if (person.DateOfBirth is { } born)
        {
            var at = DateOnly.FromDateTime(awareness.UtcDateTime);
            age = at.Year - born.Year - (at < born.AddYears(at.Year - born.Year) ? 1 : 0);
        }

        return new ReportPatient(
            Cases.CaseNumbers.Display(caseNumber),
            person.DisplayName,
            person.Sex switch { Sex.Female => "female", Sex.Male => "male", _ => null },
            person.DateOfBirth,
            age,
            WeightKg: null);
    }

    private static string? Primary(List<ContactPoint> contacts, ContactPointKind kind) =>
        contacts.Where(c => c.Kind == kind).OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Id).Select(c => c.Raw ?? c.Value).FirstOrDefault();

    private static string Kind(PersonKind kind) => kind switch
    {
        PersonKind.Patient => "patient",
        PersonKind.Caregiver => "caregiver",
        PersonKind.HealthcareProfessional => "healthcare-professional",
        _ => "other",
    };
}
