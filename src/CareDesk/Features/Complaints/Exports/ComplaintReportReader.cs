using System.Text.Json;
using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints.Imdrf;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Features.Complaints.Reporting;
using CareDesk.Features.Complaints.Trending;
using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// Fills a <see cref="ComplaintReport"/> from what CareDesk stores: the complaint file (device, UDI, event, the caller's
/// words, patient, investigation, return, reply, closure), its guided facts and later information, the latest stored
/// reportability decision (each market's event class), its IMDRF codes, its case, the person it is for (the patient),
/// the caller who reached us for them (the initial reporter), the device with its catalog model and maker, the model's
/// regulatory profile in force, and the maker's settings (<see cref="ReportOptions"/>). Access is checked by the caller
/// of this reader.
/// </summary>
public sealed class ComplaintReportReader(CareDeskDbContext db, TimeProvider time, IOptions<ReportOptions> options)
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
        // The file's device (identified during the call) wins over the case's.
        var device = (complaint.DeviceId ?? @case.DeviceId) is { } deviceId
            ? await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, cancellationToken)
            : null;
        var modelId = complaint.ProductModelId ?? device?.ModelId;
        var model = modelId is null ? null : await db.ProductModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        var maker = model is null ? null : await db.Manufacturers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == model.ManufacturerId, cancellationToken);
        var profile = model is null ? null : await GetRegulatoryProfile.CurrentAsync(db, model.Id, cancellationToken);
        var settings = options.Value;

        var zone = TimeZoneInfo.FindSystemTimeZoneById(complaint.ReceivingTimeZone);
        DateOnly Local(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var reporter = caller ?? patient;
        var codes = await db.Set<ComplaintCode>().AsNoTracking().Where(c => c.ComplaintId == complaint.Id)
            .Select(c => new { c.Annex, c.Code, c.CodedAt }).ToListAsync(cancellationToken);
        return new ComplaintReport(
            complaint.Id,
            Cases.CaseNumbers.Display(@case.Number),
            Local(time.GetUtcNow()),
            new ReportManufacturer(maker?.NameEn, maker?.NameZh, maker?.Country, settings.FdaCentralFileNumber, settings.MdrContact.IsEmpty ? null : settings.MdrContact),
            Device(complaint, device, model, profile),
            new ReportEvent(
                complaint.EventDate,
                complaint.AwarenessAt,
                complaint.ReceivingTimeZone,
                complaint.EventCountry,
                complaint.EuMemberState,
                // The caller's words as the file holds them; before the file has them, as the agent wrote them on the case.
                complaint.Narrative ?? (string.IsNullOrWhiteSpace(@case.Description) ? @case.Subject : $"{@case.Subject}\n{@case.Description}"),
                complaint.PatientInvolvement == PatientInvolvement.Unknown ? null : ComplaintTerms.Of(complaint.PatientInvolvement),
                complaint.PatientOutcome == PatientOutcome.Unknown ? null : ComplaintTerms.Of(complaint.PatientOutcome),
                await FactsAsync(complaint.Id, cancellationToken),
                await EventClassesAsync(complaint.Id, cancellationToken)),
            Reporter(reporter.Person, reporter.Contacts, reporter.Address),
            Patient(patient.Person, @case.Number, complaint.EventDate ?? Local(complaint.AwarenessAt)),
            new ReportInvestigation(
                complaint.InvestigationFindings,
                complaint.RootCause,
                complaint.RmaNumber,
                complaint.ReturnSentAt is { } sent ? Local(sent) : null,
                complaint.ReturnReceivedAt is { } received ? Local(received) : null,
                complaint.ReturnAnalysis,
                complaint.ReplyText,
                ComplaintTerms.Of(complaint.ClosureReason),
                complaint.ClosureNote),
            Codes(codes.OrderBy(c => c.Annex).ThenBy(c => c.CodedAt).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Code), settings.FdaCodes));
    }

    /// <summary>
    /// The guided facts as known now: the file's latest answer to each, then each later information's answers over them
    /// in the order received (an "unknown" never erases what was known) — what the engine decides on.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, FactValue>> FactsAsync(Guid complaintId, CancellationToken cancellationToken)
    {
        var answers = await db.Set<ComplaintFact>().AsNoTracking().Where(f => f.ComplaintId == complaintId)
            .OrderBy(f => f.Id).Select(f => new { f.InformationId, f.Name, f.Value }).ToListAsync(cancellationToken);
        var information = await db.Set<ComplaintInformation>().AsNoTracking().Where(i => i.ComplaintId == complaintId)
            .Select(i => new { i.Id, i.ReceivedAt }).ToListAsync(cancellationToken);
        FactSet Of(Guid? informationId)
        {
            var values = new Dictionary<string, FactValue>(StringComparer.Ordinal);
            foreach (var answer in answers.Where(a => a.InformationId == informationId))
            {
                values[answer.Name] = GuidedFacts.Parse(answer.Name, answer.Value) ?? FactValue.Unknown;
            }

            return new FactSet(values);
        }

        var facts = Of(null);
        foreach (var later in information.OrderBy(i => i.ReceivedAt))
        {
            facts = facts.Then(Of(later.Id));
        }

        return facts.Values;
    }

    /// <summary>Market → event class of the latest stored decision (<see cref="ReportabilityDecision"/>); empty before any.</summary>
    private async Task<IReadOnlyDictionary<string, string>> EventClassesAsync(Guid complaintId, CancellationToken cancellationToken)
    {
        var markets = await db.Set<ReportabilityDecision>().AsNoTracking().Where(d => d.ComplaintId == complaintId)
            .OrderByDescending(d => d.Id).Select(d => d.Markets).FirstOrDefaultAsync(cancellationToken);
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (markets is null)
        {
            return classes;
        }

        using var decision = JsonDocument.Parse(markets);
        foreach (var market in decision.RootElement.EnumerateArray())
        {
            if (market.TryGetProperty("market", out var name) && market.TryGetProperty("eventClass", out var eventClass)
                && name.GetString() is { } key && eventClass.GetString() is { } value)
            {
                classes[key] = value;
            }
        }

        return classes;
    }

    /// <summary>The IMDRF codes, each with its shipped term; an unknown code keeps an empty term rather than vanish.</summary>
    /// <param name="fdaCodes">IMDRF code → FDA's code for the same term (<see cref="ReportOptions.FdaCodes"/>).</param>
    internal static IReadOnlyList<ReportCode> Codes(IEnumerable<string> codes, IReadOnlyDictionary<string, string>? fdaCodes = null) =>
        [.. codes.Select(code => ImdrfTerms.Shipped.Find(code) is { } term
            ? new ReportCode(term.Annex, term.Code, term.Term, fdaCodes?.GetValueOrDefault(term.Code))
            : new ReportCode(code.Length > 0 ? char.ToUpperInvariant(code[0]) : '?', code, "", fdaCodes?.GetValueOrDefault(code)))];

    private async Task<(Person Person, List<ContactPoint> Contacts, Address? Address)> PersonAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        var contacts = await db.ContactPoints.AsNoTracking().Where(c => c.PersonId == id).ToListAsync(cancellationToken);
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.PersonId == id).ToListAsync(cancellationToken);
        return (person, contacts, addresses.OrderBy(a => a.Type != "home").ThenBy(a => a.Id).FirstOrDefault());
    }

    private static ReportDevice Device(Complaint file, Device? device, ProductModel? model, RegulatoryProfile? profile)
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
            // The file's serial and lot (typed, read from the UDI, or the registered device's) before the case device's.
            file.SerialNumber ?? device?.SerialNumber,
            file.LotNumber ?? device?.LotNumber,
            file.UdiDeviceIdentifier ?? model?.UdiDi,
            file.UdiText,
            file.UdiExpiry,
            file.UdiManufactured,
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
            cn?.RegistrationNumber);
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

    /// <param name="at">The day of the event, else of awareness at the receiving site: the age FDA A2 and MIR 3.4 ask for.</param>
    private static ReportPatient Patient(Person person, string caseNumber, DateOnly at)
    {
        int? age = null;
        if (person.DateOfBirth is { } born)
        {
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
