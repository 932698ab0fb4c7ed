using static CareDesk.Features.Complaints.Exports.Forms.FormValues;

namespace CareDesk.Features.Complaints.Exports.Forms;

/// <summary>
/// The European Field Safety Corrective Action (FSCA) report form (MDR Art. 89(8), IVDR Art. 84(8); MDCG 2023-3):
/// administrative information, submitter, manufacturer, the device and its affected units, and the action. The care
/// center knows the device, the unit and the incident behind it; the action itself is quality's to write.
/// </summary>
internal static class EuFscaForm
{
    public const string Source = "Manufacturer's Field Safety Corrective Action (FSCA) report form — MDR Art. 89, IVDR Art. 84, MDCG 2023-3";

    public static ReportSheet Fill(ComplaintReport r) =>
        new(ReportForms.EuFsca, "Manufacturer's Field Safety Corrective Action (FSCA) Report", "en", Source,
        [
            new("1", "1. Administrative information",
            [
                new("1a", "Name of national competent authority (NCA)", r.Event.EuMemberState is { } state ? $"Competent authority of {state}" : null),
                new("1b", "Type of report", "Initial"),
                new("1c", "Date of this report (YYYY-MM-DD)", Iso(r.ReportDate)),
                new("1d", "Reference number assigned by the manufacturer", r.ManufacturerReference),
            ]),
            new("2", "2. Information on submitter of the report",
            [
                new("2a", "Status of submitter", "Manufacturer"),
            ]),
            new("3", "3. Manufacturer information",
            [
                new("3a", "Manufacturer name", r.Manufacturer.NameEn),
                new("3b", "Country", r.Manufacturer.Country),
            ]),
            new("6", "6. Medical device information",
            [
                new("6a", "Regulation and risk class", Join(" ", r.Device.EuRegulation, r.Device.EuClass is { } c ? $"class {c}" : null)),
                new("6b", "UDI-DI", r.Device.UdiDeviceIdentifier),
                new("6c", "Commercial name / brand name / make", Join(" ", r.Device.BrandName, r.Device.CommonNameEn)),
                new("6d", "Model number", r.Device.ModelNumber),
                new("6e", "Serial number(s) and/or lot/batch number(s)", Join(" / ", r.Device.SerialNumber, r.Device.LotNumber)),
                new("6f", "Manufacturing date / expiry date", Join(" / ", Iso(r.Device.Manufactured), Iso(r.Device.Expiry))),
            ]),
            new("7", "7. Description of FSCA",
            [
                new("7a", "Background information and reason for the FSCA", Join("\n", r.Event.Narrative, r.Investigation.RootCause)),
                new("7b", "Related incident(s): manufacturer's reference number", r.ManufacturerReference),
                new("7c", "IMDRF medical device problem codes of the related incident (Annex A)", Codes(r.DeviceProblemCodes)),
                new("7d", "Description and justification of the action (corrective / preventive)", null),
                new("7e", "Advice on actions to be taken by the distributor and the user", null),
                new("7f", "Countries affected", Join(", ", r.Event.EventCountry, r.Event.EuMemberState)),
            ]),
        ]);
}
