using CareDesk.Features.Complaints.Reportability;
using static CareDesk.Features.Complaints.Exports.Forms.FormValues;
using F = CareDesk.Features.Complaints.Reportability.GuidedFacts;

namespace CareDesk.Features.Complaints.Exports.Forms;

/// <summary>
/// The European Commission's Manufacturer Incident Report (MIR) for serious incidents (MDR/IVDR), reporting template
/// 7.3.1: section 1 administrative information, 2 the device, 3 the incident, 4 the manufacturer's analysis. In English,
/// the form's language; the national competent authority may ask for its own (MDR Art. 87, MDCG 2023-3).
/// </summary>
internal static class EuMirForm
{
    public const string Source = "Manufacturer Incident Report (MIR) for Serious Incidents (MDR/IVDR), reporting template 7.3.1 — MDR Art. 87, IVDR Art. 82";

    public static ReportSheet Fill(ComplaintReport r)
    {
        var e = r.Event;
        var euClass = e.EventClass(Market.EU);
        return new ReportSheet(ReportForms.EuMir, "Manufacturer Incident Report (MIR) — Serious Incidents (MDR/IVDR), version 7.3.1", "en", Source,
        [
            new("1", "Section 1: Administrative information",
            [
                new("1.1a", "Name of receiving national competent authority (NCA)", e.EuMemberState is { } state ? $"Competent authority of {state}" : null),
                new("1.2a", "Date of report submission (YYYY-MM-DD)", Iso(r.ReportDate)),
                new("1.2b", "Date of incident (YYYY-MM-DD)", Iso(e.EventDate)),
                new("1.2c", "Manufacturer awareness date of the incident (YYYY-MM-DD)", Iso(LocalDate(e.AwarenessAt, e.ReceivingTimeZone))),
                new("1.2e", "Type of report", "Initial"),
                new("1.2g", "Classification of serious incident", euClass switch
                {
                    "serious-public-health-threat" => "Serious public health threat",
                    "death-or-unanticipated-serious-deterioration" when e.Fact(F.Death) is FactValue.Yes => "Death",
                    "death-or-unanticipated-serious-deterioration" => "Unanticipated serious deterioration in state of health",
                    "other-serious-incident" => "All other reportable incidents",
                    _ => null,
                }),
                new("1.3.1a", "Submitter of the report", "Manufacturer"),
                new("1.3.1b", "Manufacturer's reference number for this incident", r.ManufacturerReference),
                new("1.3.2", "Manufacturer name", r.Manufacturer.NameEn),
                new("1.3.2", "Manufacturer country", r.Manufacturer.Country),
            ]),
            new("2", "Section 2: Medical device information",
            [
                new("2.1", "UDI-DI", r.Device.UdiDeviceIdentifier),
                new("2.1", "UDI (as on the label)", r.Device.UdiText),
                new("2.2", "Regulation and risk class", Join(" ", r.Device.EuRegulation, r.Device.EuClass is { } c ? $"class {c}" : null)),
                new("2.3", "Commercial name / brand name / make", Join(" ", r.Device.BrandName, r.Device.CommonNameEn)),
                new("2.3", "Model number", r.Device.ModelNumber),
                new("2.3", "Serial number(s)", r.Device.SerialNumber),
                new("2.3", "Lot/batch number(s)", r.Device.LotNumber),
                new("2.3", "Manufacturing date (YYYY-MM-DD)", Iso(r.Device.Manufactured)),
                new("2.3", "Expiry date (YYYY-MM-DD)", Iso(r.Device.Expiry)),
            ]),
            new("3", "Section 3: Incident information",
            [
                new("3.1", "Description of the incident", e.Narrative),
                new("3.1", "IMDRF medical device problem terms/codes (Annex A)", Codes(r.DeviceProblemCodes)),
                new("3.2", "IMDRF health effect terms/codes (Annexes E and F)", Codes(r.HealthEffectCodes)),
                new("3.2", "Patient outcome", FormTerms.OutcomeEn(e.PatientOutcome)),
                new("3.3", "Country where the incident occurred", e.EventCountry),
                new("3.3", "EU member state", e.EuMemberState),
                new("3.4", "Patient involved", FormTerms.InvolvementEn(e.PatientInvolvement)),
                new("3.4", "Patient age at the time of the incident", Age(r.Patient?.AgeAtEventYears, " years")),
                new("3.4", "Patient gender", r.Patient?.Sex switch { "female" => "Female", "male" => "Male", _ => null }),
                new("3.4", "Patient weight (kg)", r.Patient?.WeightKg?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("3.5", "Usage of the device / operator at the time of the incident", r.Reporter.Kind switch
                {
                    "healthcare-professional" => "Healthcare professional",
                    "patient" or "caregiver" => "Patient / lay user",
                    _ => null,
                }),
            ]),
            new("4", "Section 4: Manufacturer's analysis",
            [
                new("4.1", "Manufacturer's preliminary analysis / results of investigation", r.Investigation.Findings),
                new("4.1", "IMDRF cause investigation terms/codes (Annexes B, C, D) and component codes (Annex G)", Codes(r.InvestigationCodes)),
                new("4.2", "Root cause and conclusion", r.Investigation.RootCause),
                new("4.2", "Device returned / analysis result", Join("; ",
                    r.Investigation.RmaNumber is { } rma ? $"RMA {rma}" : null,
                    Iso(r.Investigation.ReturnSentAt) is { } sent ? $"sent {sent}" : null,
                    Iso(r.Investigation.ReturnReceivedAt) is { } received ? $"received {received}" : null,
                    r.Investigation.ReturnAnalysisResult)),
                new("4.2", "Manufacturer's final conclusion", Join(". ", FormTerms.ClosureEn(r.Investigation.ClosureReason), r.Investigation.ClosureNote)),
            ]),
        ]);
    }
}
