using CareDesk.Features.Complaints.Reportability;
using static CareDesk.Features.Complaints.Exports.Forms.FormValues;
using F = CareDesk.Features.Complaints.Reportability.GuidedFacts;

namespace CareDesk.Features.Complaints.Exports.Forms;

/// <summary>
/// FDA Form 3500A (MedWatch, mandatory reporting), the blocks a device maker's care center can fill: A patient, B event,
/// D suspect device, E initial reporter, G all manufacturers, H device manufacturers. C (medications) does not apply to a
/// device report and F is for user facilities and importers. Labels are the form's, in English: FDA takes submissions in
/// English only (3500A instructions, general instructions). Block contents follow 21 CFR 803.52.
/// </summary>
internal static class Fda3500AForm
{
    public const string Source = "Form FDA 3500A (MedWatch) — 21 CFR 803.52; Form FDA 3500A Supplement (4/16) instructions";

    public static ReportSheet Fill(ComplaintReport r)
    {
        var facts = r.Event;
        var adverseEvent = facts.Fact(F.Death) is FactValue.Yes || facts.Fact(F.Injury) is FactValue.Yes;
        var productProblem = facts.Fact(F.Malfunction) is FactValue.Yes or FactValue.Suspected;
        var layUser = r.Reporter.Kind is "patient" or "caregiver";
        return new ReportSheet(ReportForms.Fda3500A, "MEDWATCH Form FDA 3500A — Mandatory Reporting", "en", Source,
        [
            new("A", "A. PATIENT INFORMATION",
            [
                new("A1", "Patient identifier (in confidence)", r.Patient?.Identifier),
                new("A2", "Age at time of event or date of birth", Join(" / ", Age(r.Patient?.AgeAtEventYears, " years"), Fda(r.Patient?.DateOfBirth))),
                new("A3", "Sex", r.Patient?.Sex switch { "female" => "Female", "male" => "Male", _ => null }),
                new("A4", "Weight", r.Patient?.WeightKg is { } kg ? $"{kg} kg" : null),
            ]),
            new("B", "B. ADVERSE EVENT OR PRODUCT PROBLEM",
            [
                new("B1", "Adverse event and/or product problem", Ticked(", ", (adverseEvent, "Adverse event"), (productProblem, "Product problem (e.g., defects/malfunctions)"))),
                new("B2", "Outcomes attributed to adverse event", Ticked(", ",
                    (facts.Fact(F.Death) is FactValue.Yes, "Death"),
                    (facts.Fact(F.LifeThreatening) is FactValue.Yes, "Life-threatening"),
                    (facts.Fact(F.Hospitalization) is FactValue.Yes, "Hospitalization – initial or prolonged"),
                    (facts.Fact(F.PermanentImpairment) is FactValue.Yes, "Disability or permanent damage"),
                    (facts.Fact(F.InterventionToPrecludePermanentHarm) is FactValue.Yes, "Required intervention to prevent permanent impairment/damage (devices)"),
                    (facts.Fact(F.MedicalIntervention) is FactValue.Yes && facts.Fact(F.InterventionToPrecludePermanentHarm) is not FactValue.Yes, "Other serious (important medical events)"))),
                new("B3", "Date of event", Fda(facts.EventDate)),
                new("B4", "Date of this report", Fda(r.ReportDate)),
                new("B5", "Describe event or problem", Join("\n", facts.Narrative, FormTerms.OutcomeEn(facts.PatientOutcome) is { } outcome ? $"Patient outcome: {outcome}" : null)),
                new("B6", "Relevant tests/laboratory data, including dates", null),
                new("B7", "Other relevant history, including preexisting medical conditions", null),
            ]),
            new("D", "D. SUSPECT MEDICAL DEVICE",
            [
                new("D1", "Brand name", r.Device.BrandName ?? r.Device.CommonNameEn),
                new("D2a", "Common device name", r.Device.CommonNameEn),
                new("D2b", "Product code", r.Device.UsProductCode),
                new("D3", "Manufacturer name, city and state", Join(", ", r.Manufacturer.NameEn, r.Manufacturer.Country)),
                new("D4", "Model #", r.Device.ModelNumber),
                new("D4", "Lot #", r.Device.LotNumber),
                new("D4", "Serial #", r.Device.SerialNumber),
                new("D4", "Expiration date", Fda(r.Device.Expiry)),
                new("D4", "Unique Identifier (UDI) #", r.Device.UdiText ?? r.Device.UdiDeviceIdentifier),
                new("D5", "Operator of device", r.Reporter.Kind switch
                {
                    "healthcare-professional" => "Health professional",
                    "patient" or "caregiver" => "Lay user/patient",
                    _ => null,
                }),
                new("D10", "Device available for evaluation? (Do not send to FDA)", r.Investigation.DeviceReturned
                    ? Join(" ", $"Returned to manufacturer on {Fda(r.Investigation.ReturnReceivedAt)}", r.Investigation.RmaNumber is { } rma ? $"(RMA {rma})" : null)
                    : null),
            ]),
            new("E", "E. INITIAL REPORTER",
            [
                new("E1", "Name and address", Join(", ", r.Reporter.Name, r.Reporter.AddressLine, r.Reporter.City, r.Reporter.Region, r.Reporter.PostalCode, r.Reporter.Country)),
                new("E1", "Phone #", r.Reporter.Phone),
                new("E1", "Email", r.Reporter.Email),
                new("E2", "Health professional?", r.Reporter.Kind is null ? null : r.Reporter.Kind == "healthcare-professional" ? "Yes" : "No"),
                new("E3", "Occupation", r.Reporter.Kind switch
                {
                    "patient" => "Patient",
                    "caregiver" => "Caregiver (family member)",
                    "healthcare-professional" => "Health professional",
                    _ => null,
                }),
                new("E4", "Initial reporter also sent report to FDA", null),
            ]),
            new("G", "G. ALL MANUFACTURERS",
            [
                new("G1", "Contact office (and manufacturing site for devices)", r.Manufacturer.MdrContact is { } office
                    ? Join(", ", office.Name, office.Person, office.AddressLine, office.City, office.State, office.PostalCode, office.Country, office.Phone, office.Email)
                    : Join(", ", r.Manufacturer.NameEn, r.Manufacturer.Country)),
                new("G3", "Report source", layUser ? "Consumer" : r.Reporter.Kind == "healthcare-professional" ? "Health professional" : null),
                new("G4", "Date received by manufacturer", Fda(LocalDate(facts.AwarenessAt, facts.ReceivingTimeZone))),
                new("G7", "Type of report", "Initial"),
                new("G9", "Manufacturer report number", r.ManufacturerReference),
            ]),
            new("H", "H. DEVICE MANUFACTURERS ONLY",
            [
                new("H1", "Type of reportable event", facts.EventClass(Market.US) switch
                {
                    "death" => "Death",
                    "serious-injury" => "Serious injury",
                    "malfunction" => "Malfunction",
                    _ => null,
                }),
                new("H3", "Device evaluated by manufacturer?", r.Investigation.Findings is null ? null : "Yes"),
                new("H4", "Device manufacture date", Fda(r.Device.Manufactured)),
                new("H6", "Event problem codes — device (IMDRF Annex A)", Codes(r.DeviceProblemCodes)),
                new("H6", "Health effect codes (IMDRF Annexes E, F)", Codes(r.HealthEffectCodes)),
                new("H6", "Evaluation codes (IMDRF Annexes B, C, D, G)", Codes(r.InvestigationCodes)),
                new("H10", "Additional manufacturer narrative", Join("\n",
                    r.Investigation.Findings,
                    r.Investigation.RootCause is { } cause ? $"Root cause: {cause}" : null,
                    r.Investigation.ReturnAnalysisResult is { } analysis ? $"Returned device analysis: {analysis}" : null,
                    FormTerms.ClosureEn(r.Investigation.ClosureReason) is { } closure ? $"Conclusion: {Join(". ", closure, r.Investigation.ClosureNote)}" : null)),
            ]),
        ]);
    }
}
