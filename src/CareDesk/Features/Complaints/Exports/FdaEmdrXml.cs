using System.Globalization;
using System.Xml.Linq;
using CareDesk.Features.Complaints.Reportability;
using F = CareDesk.Features.Complaints.Reportability.GuidedFacts;

namespace CareDesk.Features.Complaints.Exports;

/// <summary>
/// FDA eMDR: a 3500A report as an HL7 ICSR (R1) batch, <c>PORR_IN040001UV01</c>, the message FDA's eMDR accepts through
/// its gateway. Shapes, paths and codes follow FDA's implementation package (the sample submission
/// <c>3500A_Sample_HL7_Submission_082415.xml</c> and the <c>HL7Medwatch083115.xls</c> mapping, copied in the public
/// repository bewest/eMDR_HL7ICSR): NCI thesaurus concepts (OID 2.16.840.1.113883.3.26.1.1) name each block, FDA's OID
/// (2.16.840.1.113883.3.24) its own codes. What the care center does not know is sent as a null flavor: NI (no
/// information) or ASKU (asked, unknown). The message validates against FDA's schema (tests: FdaEmdrXmlTests).
/// </summary>
public static class FdaEmdrXml
{
    public static readonly XNamespace Hl7 = "urn:hl7-org:v3";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private const string Nci = "2.16.840.1.113883.3.26.1.1";
    private const string Fda = "2.16.840.1.113883.3.24";

    public const string ContentType = "application/xml";

    /// <param name="createdAt">The batch's creation time (and its id's timestamp, as FDA's batch-id format asks).</param>
    public static XDocument Write(ComplaintReport r, DateTimeOffset createdAt)
    {
        var stamp = createdAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var maker = r.Manufacturer.NameEn ?? r.Manufacturer.NameZh;
        var root = new XElement(Hl7 + "PORR_IN040001UV01",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute("ITSVersion", "XML_1.0"),
            // FDA's batch id: the sender's Central File Number and the timestamp; the case number stands in without a CFN.
            H("id", A("root", "1.1"), A("extension", $"{r.Manufacturer.FdaCentralFileNumber ?? r.ManufacturerReference}-{stamp}"), A("assigningAuthorityName", "MessageSender")),
            H("creationTime", A("value", stamp)),
            H("responseModeCode"),
            // ICSR Release 1, as CDRH implements it.
            H("versionCode", A("code", "V3NORMED_2005")),
            H("interactionId"),
            H("batchTotalNumber", A("value", "1")),
            Party("receiver", "CDRH"),
            Party("sender", maker),
            H("message",
                H("id", A("extension", "1")),
                H("creationTime", Null("NA")),
                H("interactionId", A("root", "2.16.840.1.113883.1.6"), A("extension", "PORR_IN04001"), A("assigningAuthorityName", "HL7")),
                H("processingCode", Null("NA")),
                H("processingModeCode", Null("NA")),
                H("acceptAckCode", Null("NA")),
                H("receiver", H("telecom"), H("device", H("id", Null("NA")))),
                H("sender", H("telecom"), H("device", H("id", Null("NA")))),
                ControlAct(r)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    private static XElement ControlAct(ComplaintReport r) =>
        H("controlActProcess", A("moodCode", "EVN"),
            H("code", A("code", "PORR_TE040001UV01"), A("codeSystem", "HL7"), A("codeSystemName", "HL7 Trigger Event Id")),
            H("effectiveTime", A("value", Date(r.ReportDate))),
            // B4 date of this report; the reporter type: manufacturer.
            H("authorOrPerformer", A("typeCode", "AUT"), H("assignedPerson", Nci_("code", "C53616", "Type_of_Reporter"))),
            H("subject", Investigation(r)),
            ReasonOf("C53566", "Report_Source", r.Reporter.Kind switch
            {
                "healthcare-professional" => "C53287",
                "patient" or "caregiver" => "C53568",
                _ => null,
            }),
            // G7 type of report: initial.
            ReasonOf("C53571", "Type_of_Report", "C53620"),
            ReasonOf("C53570", "Type_of_Reportable_Event", r.Event.EventClass(Market.US) switch
            {
                "death" => "C28554",
                "serious-injury" => "C53569",
                "malfunction" => "C25745",
                _ => null,
            }));

    private static XElement Investigation(ComplaintReport r)
    {
        var e = r.Event;
        var adverse = e.Fact(F.Death) is FactValue.Yes || e.Fact(F.Injury) is FactValue.Yes;
        var problem = e.Fact(F.Malfunction) is FactValue.Yes or FactValue.Suspected;
        // H10 as the printed 3500A writes it (findings, root cause, returned device analysis, conclusion).
        var narrative = Forms.Fda3500AForm.Fill(r).Value("H10") ?? "";
        return H("investigationEvent",
            // G9 manufacturer report number.
            H("id", A("root", Fda), A("extension", r.ManufacturerReference), A("assigningAuthorityName", "FDA")),
            // B1 adverse event and/or product problem.
            (adverse, problem) switch
            {
                (true, true) => H("code", A("code", "F55555"), A("codeSystem", Fda), A("codeSystemName", "Adverse_Event_and_Product_Problem")),
                (true, false) => Nci_("code", "C41331", "Adverse_Event_Or_Product_Problem_Report"),
                (false, true) => Nci_("code", "C53054", "Product_Problem"),
                _ => H("code", Null("NI")),
            },
            // H10 additional manufacturer narrative.
            narrative.Length == 0 ? null : Text("text", narrative),
            H("statusCode"),
            H("activityTime"),
            H("availabilityTime"),
            H("authorOrPerformer", A("typeCode", "AUT"), H("assignedEntity")),
            H("trigger", Reaction(r)),
            Outcomes(e),
            H("pertainsTo", Procedure(r)));
    }

    private static XElement Reaction(ComplaintReport r)
    {
        var e = r.Event;
        var p = r.Patient;
        return H("reaction",
            // B5 describe event or problem; B3 date of event.
            e.Narrative is { } story ? Text("text", story) : null,
            H("effectiveTime", e.EventDate is { } date ? A("value", Date(date)) : Null("ASKU")),
            H("subject", H("investigativeSubject",
                H("subjectAffectedPerson",
                    // A1 patient identifier (in confidence), A3 sex, A2 date of birth.
                    p is null ? H("name", Null("NI")) : H("name", p.Identifier),
                    p?.Sex switch
                    {
                        "male" => Nci_("administrativeGenderCode", "C20197", "Sex"),
                        "female" => Nci_("administrativeGenderCode", "C16576", "Sex"),
                        _ => H("administrativeGenderCode", Null("ASKU")),
                    },
                    H("birthTime", p?.DateOfBirth is { } born ? A("value", Date(born)) : Null("ASKU"))),
                p?.AgeAtEventYears is { } age ? Observation("C25150", "Age", new XAttribute(Xsi + "type", "PQ"), A("value", age.ToString(CultureInfo.InvariantCulture)), A("unit", "YR")) : null,
                p?.WeightKg is { } kg ? Observation("C25208", "Weight", new XAttribute(Xsi + "type", "PQ"), A("value", kg.ToString(CultureInfo.InvariantCulture)), A("unit", "KGS")) : null,
                // F10/H6 patient problem codes: FDA's code for each IMDRF annex E/F term.
                r.HealthEffectCodes.Select(c => H("subjectOf", H("observation", A("moodCode", "EVN"), Nci_("code", "C53983", "Patient_Problem_Code"), Coded("value", c)))))),
            H("pertinentInformation", H("primarySourceReport",
                H("id", Null("ASKU")),
                H("code", Null("ASKU")),
                // E4 initial reporter also sent report to FDA: unknown.
                H("receiver", Null("ASKU"), H("assignedEntity", H("assignedOrganization", H("name", "FDA")))),
                H("author", H("assignedEntity",
                    // E3 occupation.
                    r.Reporter.Kind switch
                    {
                        "healthcare-professional" => Nci_("code", "C53287", "Occupation"),
                        "caregiver" => Nci_("code", "C53432", "Occupation"),
                        "patient" => Nci_("code", "C16960", "Occupation"),
                        _ => H("code", Null("ASKU")),
                    },
                    // E1 name, phone, e-mail and address.
                    H("assignedPerson",
                        H("name", r.Reporter.Name ?? ""),
                        r.Reporter.Phone is { } phone ? H("telecom", A("value", "tel:" + phone.Replace(" ", "", StringComparison.Ordinal))) : null,
                        r.Reporter.Email is { } email ? H("telecom", A("value", "mailto:" + email)) : null,
                        H("addr",
                            r.Reporter.AddressLine is { } line ? H("streetAddressLine", line) : null,
                            r.Reporter.City is { } city ? H("city", city) : null,
                            r.Reporter.Region is { } region ? H("state", region) : null,
                            r.Reporter.PostalCode is { } zip ? H("postalCode", zip) : null,
                            r.Reporter.Country is { } country ? H("country", country) : null)))))));
    }

    private static IEnumerable<XElement> Outcomes(ReportEvent e)
    {
        // B2 outcomes attributed to the adverse event, one caseSeriousness each.
        (string Fact, string Code)[] map =
        [
            (F.Death, "C28554"), (F.LifeThreatening, "C41337"), (F.Hospitalization, "C25179"),
            (F.PermanentImpairment, "C21007"), (F.InterventionToPrecludePermanentHarm, "C52668"),
        ];
        return map.Where(m => e.Fact(m.Fact) is FactValue.Yes).Select(m =>
            H("pertinentInformation2", H("caseSeriousness", A("moodCode", "EVN"),
                Nci_("code", "C49489", "Adverse_Event_Outcome"),
                H("value", new XAttribute(Xsi + "type", "CE"), A("code", m.Code), A("codeSystem", Nci)))));
    }

    private static XElement Procedure(ComplaintReport r)
    {
        var d = r.Device;
        return H("procedureEvent",
            H("code", Null("ASKU")),
            H("device", H("identifiedDevice",
                // D4 "other #": nothing the care center knows beyond the UDI, serial and lot.
                H("id", Null("ASKU")),
                H("identifiedDevice",
                    // D4 serial, lot, expiry; H4 manufacture date.
                    H("id", d.SerialNumber is { } serial ? A("extension", serial) : Null("ASKU")),
                    d.Manufactured is { } made ? H("existenceTime", A("value", Date(made))) : null,
                    d.LotNumber is { } lot ? Text("lotNumberText", lot) : null,
                    H("expirationTime", d.Expiry is { } expiry ? A("value", Date(expiry)) : Null("ASKU")),
                    H("asManufacturedProduct",
                        // D4 unique identifier (UDI) #: the UDI as scanned or typed, else the model's UDI-DI.
                        (d.UdiText ?? d.UdiDeviceIdentifier) is { } udi ? H("code", A("code", udi)) : null,
                        // D3 manufacturer name and country; H6 evaluation codes; G1 the MDR contact office.
                        H("manufacturerOrReprocessor",
                            Nci_("code", "C53616", "Type_of_Manufacturer"),
                            H("name", r.Manufacturer.NameEn ?? r.Manufacturer.NameZh ?? ""),
                            H("telecom", Null("NI")),
                            H("addr", r.Manufacturer.Country is { } country ? H("country", country) : null),
                            Evaluation(r),
                            r.Manufacturer.MdrContact is { } office ? ContactOffice(office) : null)),
                    // D4 model #, D2 common name and product code, D1 brand name.
                    H("inventoryItem", H("manufacturedDeviceModel",
                        H("id", d.ModelNumber is { } model ? A("extension", model) : Null("ASKU")),
                        H("code", d.UsProductCode is { } code ? A("code", code) : Null("ASKU"), d.UsProductCode is null ? null : A("codeSystem", Fda), A("codeSystemName", "Type_of_Device"),
                            d.CommonNameEn is { } common ? Text("originalText", common) : null),
                        Text("manufacturerModelName", d.BrandName ?? d.CommonNameEn ?? "")))),
                // D10 returned to the manufacturer, on the day it was received.
                r.Investigation.ReturnReceivedAt is { } returned ? H("subjectOf", H("deviceObservation",
                    Nci_("code", "C53449", "Device_available_for_evaluation"),
                    H("effectiveTime", A("value", Date(returned))),
                    H("value", new XAttribute(Xsi + "type", "BL"), A("value", "true")))) : null,
                // F10/H6 device problem codes: FDA's code for each IMDRF annex A term.
                r.DeviceProblemCodes.Select(c => H("subjectOf", H("deviceObservation",
                    Nci_("code", "C53982", "Device_Problem_Code"),
                    Coded("value", c)))),
                // H3 device evaluated by manufacturer.
                r.Investigation.Findings is null ? null : H("subjectOf", H("deviceObservation",
                    Nci_("code", "C53629", "Device_Evaluated_By_Manufacturer"),
                    H("value", new XAttribute(Xsi + "type", "BL"), A("value", "true")))))),
            // D5 operator of device.
            r.Reporter.Kind switch
            {
                "healthcare-professional" => H("authorOrPerformer", A("typeCode", "AUT"), H("assignedEntity", Nci_("code", "C53287", "Operator_of_Medical_Device"))),
                "patient" or "caregiver" => H("authorOrPerformer", A("typeCode", "AUT"), H("assignedEntity", Nci_("code", "C16960", "Operator_of_Medical_Device"))),
                _ => null,
            },
            // D8 single-use device reprocessed and reused on a patient: not something a caller can tell.
            H("pertinentInformation1", H("observation", A("moodCode", "EVN"),
                Nci_("code", "C53563", "Single-Use_Device_Reprocessed_and_Reused_on_Patient"),
                H("value", new XAttribute(Xsi + "type", "BL"), Null("ASKU")))));
    }

    /// <summary>
    /// H6 evaluation codes: method (IMDRF annex B), results (C) and conclusions (D), each FDA's code for the IMDRF term,
    /// where FDA's sample puts them (the manufacturer's role, its investigation's components).
    /// </summary>
    private static XElement? Evaluation(ComplaintReport r)
    {
        var codes = r.ImdrfCodes.Where(c => c.Annex is 'B' or 'C' or 'D').ToList();
        return codes.Count == 0 ? null : H("asRole", H("performance", H("investigationEvent",
            codes.Where(c => c.Annex == 'C').Select(c => H("component1", H("evaluationResult", Nci_("code", "C53985", "Evaluation_Result_Code"), Coded("value", c)))),
            codes.Where(c => c.Annex == 'D').Select(c => H("component2", H("evaluationConclusion", Nci_("code", "C53986", "Evaluation_Conclusion_Code"), Coded("value", c)))),
            codes.Where(c => c.Annex == 'B').Select(c => H("component3", H("evaluationMethod", Nci_("code", "C53984", "Evaluation_Method_Code"), Coded("value", c)))))));
    }

    /// <summary>G1: the MDR contact office, the first contact party as FDA's sample asks (the manufacturing site would be the second).</summary>
    private static XElement ContactOffice(MdrContactOffice office) =>
        H("contactParty",
            H("addr",
                office.Name is { } name ? H("additionalLocator", name) : null,
                office.AddressLine is { } line ? H("streetAddressLine", line) : null,
                office.City is { } city ? H("city", city) : null,
                office.State is { } state ? H("state", state) : null,
                office.PostalCode is { } zip ? H("postalCode", zip) : null,
                office.Country is { } country ? H("country", country) : null),
            office.Email is { } email ? H("telecom", A("value", "mailto:" + email)) : null,
            office.Phone is { } phone ? H("telecom", A("value", "tel:" + phone.Replace(" ", "", StringComparison.Ordinal))) : null,
            H("contactManufacturerContact", office.Person is { } person ? H("name", person) : H("name", Null("ASKU"))));

    /// <summary>
    /// An adverse event code as eMDR takes it: FDA's code under FDA's OID (2.16.840.1.113883.3.24), as FDA's sample
    /// and mapping ask, with the IMDRF code and term beside it as a translation. Without FDA's code for the term (not
    /// in <see cref="ReportOptions.FdaCodes"/>) the value is "other" (nullFlavor OTH) in FDA's system, carrying the
    /// IMDRF code, for quality to code before submitting.
    /// </summary>
    private static XElement Coded(string element, ReportCode code)
    {
        var imdrf = H("translation", A("code", code.Code), A("codeSystemName", "IMDRF"), A("codeSystemVersion", Imdrf.ImdrfTerms.Release),
            code.Term.Length > 0 ? A("displayName", code.Term) : null);
        return code.FdaCode is { } fda
            ? H(element, new XAttribute(Xsi + "type", "CE"), A("code", fda), A("codeSystem", Fda), code.Term.Length > 0 ? A("displayName", code.Term) : null, imdrf)
            : H(element, new XAttribute(Xsi + "type", "CE"), Null("OTH"), A("codeSystem", Fda), Text("originalText", $"{code.Code} {code.Term}".Trim()), imdrf);
    }

    private static XElement Party(string role, string? organization) =>
        H(role, H("telecom"), H("device",
            H("id", Null("NA")),
            H("asAgent", H("representedOrganization", H("id", Null("NA")), H("name", organization ?? "")))));

    private static XElement? ReasonOf(string concept, string name, string? value) =>
        value is null ? null : H("reasonOf", H("detectedIssueEvent",
            Nci_("code", concept, name),
            H("value", new XAttribute(Xsi + "type", "CE"), A("code", value), A("codeSystem", Nci))));

    private static XElement Observation(string concept, string name, params object[] value) =>
        H("subjectOf", H("observation", A("moodCode", "EVN"), Nci_("code", concept, name), H("value", value)));

    private static XElement Nci_(string element, string code, string name) =>
        H(element, A("code", code), A("codeSystem", Nci), A("codeSystemName", name));

    private static XElement Text(string element, string text) => H(element, A("mediaType", "text/plain"), text);

    private static XElement H(string name, params object?[] content) => new(Hl7 + name, content);

    private static XAttribute A(string name, string value) => new(name, value);

    private static XAttribute Null(string flavor) => new("nullFlavor", flavor);

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
