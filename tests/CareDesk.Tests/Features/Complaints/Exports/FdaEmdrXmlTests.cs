using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CareDesk.Features.Complaints.Exports;

namespace CareDesk.Tests.Features.Complaints.Exports;

// FDA eMDR: the HL7 ICSR message CareDesk writes must be valid against FDA's published schema (Con061019.xsd and
// the HL7 core schemas of FDA's eMDR implementation package, as copied in github.com/bewest/eMDR_HL7ICSR).
public sealed class FdaEmdrXmlTests
{
    private static readonly XNamespace Hl7 = FdaEmdrXml.Hl7;
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 30, 0, TimeSpan.FromHours(8));

    [EmdrSchemaFact]
    public void A_filled_Chinese_report_is_a_valid_eMDR_message_with_the_3500A_blocks_where_FDA_maps_them()
    {
        var xml = FdaEmdrXml.Write(ComplaintReports.Chinese(), Now);

        var errors = EmdrSchema.Validate(xml);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var investigation = xml.Descendants(Hl7 + "investigationEvent").First();
        Assert.Equal("K7M3-Q9XA", investigation.Element(Hl7 + "id")!.Attribute("extension")!.Value);
        // B1 both an adverse event and a product problem: FDA's temporary code F55555.
        Assert.Equal("F55555", investigation.Element(Hl7 + "code")!.Attribute("code")!.Value);
        Assert.Equal("20260301", xml.Descendants(Hl7 + "reaction").Single().Element(Hl7 + "effectiveTime")!.Attribute("value")!.Value);
        Assert.Equal("C20197", xml.Descendants(Hl7 + "administrativeGenderCode").Single().Attribute("code")!.Value);
        Assert.Equal(["C25179", "C52668"], xml.Descendants(Hl7 + "caseSeriousness").Select(s => s.Elements(Hl7 + "value").Single().Attribute("code")!.Value));
        Assert.Equal("L2601-88", xml.Descendants(Hl7 + "lotNumberText").Single().Value);
        Assert.Contains("传感器一直没报警", xml.Descendants(Hl7 + "reaction").Single().Element(Hl7 + "text")!.Value, StringComparison.Ordinal);
        Assert.Equal("C53569", xml.Descendants(Hl7 + "detectedIssueEvent")
            .Single(d => d.Element(Hl7 + "code")!.Attribute("code")!.Value == "C53570").Element(Hl7 + "value")!.Attribute("code")!.Value);
    }

    [EmdrSchemaFact]
    public void Problem_and_evaluation_codes_go_as_FDAs_codes_under_FDAs_OID_with_the_IMDRF_term_beside_and_an_unmapped_one_as_other()
    {
        var xml = FdaEmdrXml.Write(ComplaintReports.Chinese(), Now);

        var errors = EmdrSchema.Validate(xml);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var device = Value(xml, "deviceObservation", "C53982");
        Assert.Equal(("FDA-TEST-A1", "2.16.840.1.113883.3.24", "No Audible Alarm"), (device.Attribute("code")!.Value, device.Attribute("codeSystem")!.Value, device.Attribute("displayName")!.Value));
        var imdrf = device.Element(Hl7 + "translation")!;
        Assert.Equal(("A160102", "IMDRF", "2022"), (imdrf.Attribute("code")!.Value, imdrf.Attribute("codeSystemName")!.Value, imdrf.Attribute("codeSystemVersion")!.Value));
        // E1206 has no FDA code in the settings: "other" in FDA's system, the IMDRF code carried for quality to map.
        var patient = Value(xml, "observation", "C53983");
        Assert.Equal(("OTH", "2.16.840.1.113883.3.24", null), (patient.Attribute("nullFlavor")!.Value, patient.Attribute("codeSystem")!.Value, patient.Attribute("code")?.Value));
        Assert.Equal("E1206 Hypoglycemia", patient.Element(Hl7 + "originalText")!.Value);
        Assert.Equal("E1206", patient.Element(Hl7 + "translation")!.Attribute("code")!.Value);
        // H6 evaluation: method (annex B), result (C), conclusion (D) under the manufacturer's investigation.
        Assert.Equal("FDA-TEST-B", Value(xml, "evaluationMethod", "C53984").Attribute("code")!.Value);
        Assert.Equal("FDA-TEST-C", Value(xml, "evaluationResult", "C53985").Attribute("code")!.Value);
        Assert.Equal("FDA-TEST-D", Value(xml, "evaluationConclusion", "C53986").Attribute("code")!.Value);
        Assert.DoesNotContain(xml.Descendants(), e => e.Attribute("codeSystemName")?.Value == "IMDRF" && e.Name.LocalName == "value");
    }

    [EmdrSchemaFact]
    public void The_file_and_the_settings_fill_the_UDI_the_return_the_contact_office_the_batch_id_and_the_outcome_codes()
    {
        var chinese = FdaEmdrXml.Write(ComplaintReports.Chinese(), Now);
        var english = FdaEmdrXml.Write(ComplaintReports.English(), Now);

        Assert.True(EmdrSchema.Validate(english).Count == 0, string.Join("\n", EmdrSchema.Validate(english)));
        // D4 UDI where FDA's sample puts it; D10 the day the device came back.
        Assert.Equal("(01)06972831640014(17)270131(10)L2601-88(21)SN2603-00417", chinese.Descendants(Hl7 + "asManufacturedProduct").Single().Element(Hl7 + "code")!.Attribute("code")!.Value);
        var returned = chinese.Descendants(Hl7 + "deviceObservation").Single(o => o.Element(Hl7 + "code")!.Attribute("code")!.Value == "C53449");
        Assert.Equal("20260306", returned.Element(Hl7 + "effectiveTime")!.Attribute("value")!.Value);
        Assert.Equal("20270131", chinese.Descendants(Hl7 + "expirationTime").Single().Attribute("value")!.Value);
        Assert.Contains("Conclusion: Fault confirmed and corrected.", chinese.Descendants(Hl7 + "investigationEvent").First().Element(Hl7 + "text")!.Value, StringComparison.Ordinal);
        // The batch id starts with the CFN when the settings have one, else the case number.
        Assert.Equal("1234567-20260304013000", english.Root!.Element(Hl7 + "id")!.Attribute("extension")!.Value);
        Assert.Equal("K7M3-Q9XA-20260304013000", chinese.Root!.Element(Hl7 + "id")!.Attribute("extension")!.Value);
        // G1: the MDR contact office.
        var office = english.Descendants(Hl7 + "contactParty").Single();
        Assert.Equal(("MiniMed MDR Contact Office", "Northridge", "CA"), (office.Element(Hl7 + "addr")!.Element(Hl7 + "additionalLocator")!.Value, office.Element(Hl7 + "addr")!.Element(Hl7 + "city")!.Value, office.Element(Hl7 + "addr")!.Element(Hl7 + "state")!.Value));
        Assert.Equal(["mailto:mdr@example.com", "tel:+18185550100"], office.Elements(Hl7 + "telecom").Select(t => t.Attribute("value")!.Value));
        Assert.Empty(chinese.Descendants(Hl7 + "contactParty"));
        // B2 from the facts, H1 from the US event class.
        Assert.Equal(["C25179"], english.Descendants(Hl7 + "caseSeriousness").Select(c => c.Element(Hl7 + "value")!.Attribute("code")!.Value));
        Assert.Equal("C53569", english.Descendants(Hl7 + "detectedIssueEvent")
            .Single(d => d.Element(Hl7 + "code")!.Attribute("code")!.Value == "C53570").Element(Hl7 + "value")!.Attribute("code")!.Value);
    }

    [EmdrSchemaFact]
    public void A_report_that_knows_little_still_validates_with_null_flavors_where_values_are_mandatory()
    {
        var sparse = ComplaintReports.English() with
        {
            Patient = null,
            Device = new ReportDevice(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
            Reporter = new ReportPerson(null, null, null, null, null, null, null, null, null),
            Manufacturer = new ReportManufacturer(null, null, null),
            Event = ComplaintReports.English().Event with { EventDate = null, Narrative = null, Facts = new Dictionary<string, CareDesk.Features.Complaints.Reportability.FactValue>(), EventClasses = new Dictionary<string, string>() },
            ImdrfCodes = [],
        };

        var xml = FdaEmdrXml.Write(sparse, Now);

        var errors = EmdrSchema.Validate(xml);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("ASKU", xml.Descendants(Hl7 + "reaction").Single().Element(Hl7 + "effectiveTime")!.Attribute("nullFlavor")!.Value);
    }

    private static XElement Value(XDocument xml, string element, string concept) =>
        xml.Descendants(Hl7 + element).Single(e => e.Element(Hl7 + "code")!.Attribute("code")!.Value == concept).Element(Hl7 + "value")!;

    [EmdrSchemaTheory]
    [InlineData("creationTime")]
    [InlineData("investigationEvent")]
    [InlineData("interactionId")]
    public void A_message_missing_a_mandatory_element_fails_FDAs_schema(string element)
    {
        var xml = FdaEmdrXml.Write(ComplaintReports.English(), Now);
        xml.Descendants(Hl7 + element).First().Remove();

        var errors = EmdrSchema.Validate(xml);

        Assert.NotEmpty(errors);
    }
}

/// <summary>
/// FDA's eMDR schema. It is FDA's published file, fetched from the public repository bewest/eMDR_HL7ICSR
/// (commit 64901aa, <c>coreschemas/*.xsd</c>), and kept out of this repository: a test run finds it in the folder
/// <c>CAREDESK_EMDR_SCHEMA_DIR</c> names, else in <c>../shared/emdr-hl7-icsr/coreschemas</c> beside the checkout
/// (docs/regulatory-exports.md). Without it the tests are skipped, saying where to put it: the schema may not be
/// committed here (fetched files stay out of the repository), so a checkout without the shared folder cannot run them.
/// </summary>
internal static class EmdrSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    public static List<string> Validate(XDocument xml)
    {
        var errors = new List<string>();
        // Round-trip through text so the schema sees what FDA would receive.
        var document = XDocument.Parse(xml.Declaration + xml.ToString(SaveOptions.DisableFormatting));
        document.Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var folder = Folder();
        var main = Path.Combine(folder, "Con061019.xsd");
        Assert.True(File.Exists(main), $"FDA's eMDR schema is missing: put coreschemas/*.xsd of github.com/bewest/eMDR_HL7ICSR in {folder} (or name the folder in CAREDESK_EMDR_SCHEMA_DIR).");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(main, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() });
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    public static string? Missing =>
        File.Exists(Path.Combine(Folder(), "Con061019.xsd")) ? null
        : $"FDA's eMDR schema is not in {Folder()}: put coreschemas/*.xsd of github.com/bewest/eMDR_HL7ICSR there (or name the folder in CAREDESK_EMDR_SCHEMA_DIR).";

    private static string Folder()
    {
        if (Environment.GetEnvironmentVariable("CAREDESK_EMDR_SCHEMA_DIR") is { Length: > 0 } named)
        {
            return named;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareDesk.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.Parent?.FullName ?? "..", "shared", "emdr-hl7-icsr", "coreschemas");
    }
}

/// <summary>A fact that needs FDA's eMDR schema: skipped, with where to put it, when the schema is not there.</summary>
public sealed class EmdrSchemaFactAttribute : FactAttribute
{
    public EmdrSchemaFactAttribute() => Skip = EmdrSchema.Missing;
}

/// <summary>A theory that needs FDA's eMDR schema: skipped, with where to put it, when the schema is not there.</summary>
public sealed class EmdrSchemaTheoryAttribute : TheoryAttribute
{
    public EmdrSchemaTheoryAttribute() => Skip = EmdrSchema.Missing;
}
