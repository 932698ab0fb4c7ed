using CareDesk.Features.Complaints.Reportability;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// Everything the care center can know of one complaint for a regulator's report (FDA 3500A and eMDR, EU MIR 7.3.1 and
/// FSCA, NMPA's 注册人医疗器械不良事件报告表), in one neutral shape the form mappers read. A null is "not known here":
/// each form leaves it blank (or, in eMDR, sends a null flavor). <see cref="ComplaintReportReader"/> fills it from
/// the complaint file and what it links to.
/// </summary>
public sealed record ComplaintReport(
    Guid ComplaintId,
    string CaseNumber,
    DateOnly ReportDate,
    ReportManufacturer Manufacturer,
    ReportDevice Device,
    ReportEvent Event,
    ReportPerson Reporter,
    ReportPatient? Patient,
    ReportInvestigation Investigation,
    IReadOnlyList<ReportCode> ImdrfCodes)
{
    /// <summary>The maker's own reference for this report (FDA G9 "Mfr report #", MIR 1.3.1b, NMPA 报告编码 before the centre assigns one).</summary>
    public string ManufacturerReference => CaseNumber;

    public IEnumerable<ReportCode> DeviceProblemCodes => ImdrfCodes.Where(c => c.Annex == 'A');

    public IEnumerable<ReportCode> HealthEffectCodes => ImdrfCodes.Where(c => c.Annex is 'E' or 'F');

    public IEnumerable<ReportCode> InvestigationCodes => ImdrfCodes.Where(c => c.Annex is 'B' or 'C' or 'D' or 'G');
}

/// <summary>
/// The legal manufacturer from the catalog, names in both languages (a Chinese form wants 中文名称), and what the
/// settings say of it (<see cref="ReportOptions"/>): FDA's Central File Number and the MDR contact office (3500A G1).
/// </summary>
public sealed record ReportManufacturer(string? NameEn, string? NameZh, string? Country, string? FdaCentralFileNumber = null, MdrContactOffice? MdrContact = null);

/// <summary>
/// The device concerned: the model from the catalog and the unit from the case's device (or the complaint file's UDI).
/// </summary>
public sealed record ReportDevice(
    string? ModelId,
    string? BrandName,
    string? CommonNameEn,
    string? CommonNameZh,
    string? ModelNumber,
    string? SerialNumber,
    string? LotNumber,
    string? UdiDeviceIdentifier,
    string? UdiText,
    DateOnly? Expiry,
    DateOnly? Manufactured,
    string? Kind,
    string? UsProductCode,
    string? UsClass,
    string? EuRegulation,
    string? EuClass,
    string? CnClass,
    string? CnRegistrationNumber);

/// <summary>What happened, where and when, and how the engine classed it per market.</summary>
/// <param name="Narrative">The caller's words from the complaint file, else the case's subject and description.</param>
/// <param name="PatientInvolvement">The file's code: involved, not-involved; null when unknown.</param>
/// <param name="PatientOutcome">The file's code (ICH E2B outcomes): no-health-effect, recovered, recovering, not-recovered,
/// recovered-with-sequelae, fatal; null when unknown. Each form writes it in its own language.</param>
/// <param name="Facts">The guided facts (F17) by wire name: the file's answers, then later information's over them.</param>
/// <param name="EventClasses">Market (US, EU, CN) → the reportability engine's event class code.</param>
public sealed record ReportEvent(
    DateOnly? EventDate,
    DateTimeOffset AwarenessAt,
    string ReceivingTimeZone,
    string? EventCountry,
    string? EuMemberState,
    string? Narrative,
    string? PatientInvolvement,
    string? PatientOutcome,
    IReadOnlyDictionary<string, FactValue> Facts,
    IReadOnlyDictionary<string, string> EventClasses)
{
    public FactValue Fact(string name) => Facts.TryGetValue(name, out var value) ? value : FactValue.Unknown;

    public string? EventClass(Market market) => EventClasses.GetValueOrDefault(market.ToString());
}

/// <summary>A person named on a report: the initial reporter (who called) or the patient.</summary>
/// <param name="Kind">patient, caregiver, healthcare-professional or other (the Person's kind).</param>
public sealed record ReportPerson(
    string? Name,
    string? Kind,
    string? Phone,
    string? Email,
    string? AddressLine,
    string? City,
    string? Region,
    string? PostalCode,
    string? Country);

/// <param name="Identifier">FDA A1 asks for an identifier in confidence, never the name: the case number.</param>
/// <param name="Sex">female, male or null.</param>
public sealed record ReportPatient(
    string Identifier,
    string? Name,
    string? Sex,
    DateOnly? DateOfBirth,
    int? AgeAtEventYears,
    decimal? WeightKg);

/// <summary>Quality's investigation, the product return (RMA), the reply and the closure, as the complaint file holds them.</summary>
/// <param name="ClosureReason">The file's code (no-fault-found, use-error, …); each form writes it in its own language.</param>
public sealed record ReportInvestigation(
    string? Findings,
    string? RootCause,
    string? RmaNumber,
    DateOnly? ReturnSentAt,
    DateOnly? ReturnReceivedAt,
    string? ReturnAnalysisResult,
    string? Reply,
    string? ClosureReason,
    string? ClosureNote = null)
{
    public static readonly ReportInvestigation None = new(null, null, null, null, null, null, null, null);

    public bool DeviceReturned => ReturnReceivedAt is not null;
}

/// <summary>An IMDRF adverse event code with its English term (IMDRF/AE WG/N43, <see cref="Imdrf.ImdrfTerms.Release"/>).</summary>
/// <param name="FdaCode">FDA's code for the same term (its MDR code hierarchies map IMDRF terms one to one), when the
/// settings know it (<see cref="ReportOptions.FdaCodes"/>): eMDR carries FDA's code.</param>
public sealed record ReportCode(char Annex, string Code, string Term, string? FdaCode = null);
