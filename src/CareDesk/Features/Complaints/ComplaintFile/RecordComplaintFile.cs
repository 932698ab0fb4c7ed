using System.ComponentModel.DataAnnotations;
using CareDesk.Features.Cases;
using CareDesk.Features.Devices;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// The intake part of the file (F16), recorded by whoever takes the call: which device (the person's registered one,
/// its serial or lot, the UDI as scanned or typed and read into its parts), the patient's involvement and outcome, and
/// the caller's own words in their language. A PUT: what is not sent is cleared. A masked viewer (an outsourced agent)
/// read the stored words as <c>***</c>: sending that back keeps them; it may write words where there were none, but
/// never replace or clear words it did not see (contact notes' rule, <c>UpdateContact</c>).
/// </summary>
public sealed class RecordComplaintFile(CareDeskDbContext db, ComplaintChanges changes, CaseDevices caseDevices)
{
    public sealed record Request(
        Guid? DeviceId = null,
        [property: MaxLength(64), SingleLineText] string? SerialNumber = null,
        [property: MaxLength(64), SingleLineText] string? LotNumber = null,
        [property: MaxLength(200)] string? Udi = null,
        string? UdiEntry = null,
        string? PatientInvolvement = null,
        string? PatientOutcome = null,
        [property: MaxLength(4000)] string? Narrative = null,
        string? NarrativeLanguage = null,
        string? Version = null);

    public async Task<Result<Guid>> RunAsync(Guid complaintId, Request request, StaffActor actor, bool masked, CancellationToken cancellationToken)
    {
        var involvement = Term(request.PatientInvolvement, ComplaintTerms.Involvements, Complaints.PatientInvolvement.Unknown);
        if (involvement is null)
        {
            return Failure.Invalid("patientInvolvement", "File.InvolvementUnknown", string.Join(", ", ComplaintTerms.Involvements.Keys));
        }

        var outcome = Term(request.PatientOutcome, ComplaintTerms.Outcomes, Complaints.PatientOutcome.Unknown);
        if (outcome is null)
        {
            return Failure.Invalid("patientOutcome", "File.OutcomeUnknown", string.Join(", ", ComplaintTerms.Outcomes.Keys));
        }

        // No patient, no harm to one: an outcome that says otherwise contradicts the involvement.
        if (involvement == Complaints.PatientInvolvement.NotInvolved && outcome is not (Complaints.PatientOutcome.Unknown or Complaints.PatientOutcome.NoHealthEffect))
        {
            return Failure.Invalid("patientOutcome", "File.OutcomeWithoutPatient");
        }

        var entry = Term(request.UdiEntry, ComplaintTerms.UdiEntries, Complaints.UdiEntry.Typed);
        if (entry is null)
        {
            return Failure.Invalid("udiEntry", "File.UdiEntryUnknown", string.Join(", ", ComplaintTerms.UdiEntries.Keys));
        }

        var narrative = Blank(request.Narrative);
        var language = ComplaintTerms.Language(request.NarrativeLanguage);
        var keepsHidden = masked && request.Narrative == People.Masking.Hidden;
        if (!keepsHidden && language is null && (narrative is not null || !string.IsNullOrWhiteSpace(request.NarrativeLanguage)))
        {
            return Failure.Invalid("narrativeLanguage", "File.LanguageUnknown", string.Join(", ", ComplaintTerms.Languages));
        }

        var loaded = await changes.LoadAsync(complaintId, request.Version, actor, cancellationToken);
        if (loaded.Failure is { } failure)
        {
            return failure;
        }

        var complaint = loaded.Value!;
        if (masked && complaint.Narrative is not null)
        {
            if (!keepsHidden)
            {
                return new Failure(FailureKind.Forbidden, "File.MaskedNarrative", "narrative");
            }

            narrative = complaint.Narrative;
            language = complaint.NarrativeLanguage;
        }
        else if (keepsHidden)
        {
            // Nothing was stored, so "***" is not a read value sent back: refuse it rather than store the mask.
            return Failure.Invalid("narrative", "File.MaskedNarrativeNone");
        }

        Udi? udi = null;
        var udiText = Blank(request.Udi);
        if (udiText is not null)
        {
            var reading = Udi.Read(request.Udi, changes.Now().Year);
            if (reading.Udi is null)
            {
                // Where it went wrong, as printed on labels: a GS1 application identifier in brackets, "(17)".
                return Failure.Invalid("udi", $"File.Udi.{reading.Problem}", reading.At is { } part ? $" ({part})" : "");
            }

            udi = reading.Udi;
        }

        Device? device = null;
        if (request.DeviceId is { } deviceId)
        {
            // The case page's rule: the person's own device, or one of a patient they care for.
            device = await caseDevices.CheckAsync(deviceId, complaint.PersonId, cancellationToken) is null
                ? await db.Devices.AsNoTracking().SingleAsync(d => d.Id == deviceId, cancellationToken)
                : null;
            if (device is null)
            {
                return Failure.Invalid("deviceId", "File.DeviceNotTheirs");
            }
        }

        // One serial and one lot for the file: typed, else read from the UDI, else the registered device's. A typed
        // one the UDI contradicts is a mistake to catch now, while the caller is on the line.
        var serial = Blank(request.SerialNumber);
        if (serial is not null && udi?.Serial is { } udiSerial && !string.Equals(serial, udiSerial, StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Invalid("serialNumber", "File.SerialDiffersFromUdi", udiSerial);
        }

        var lot = Blank(request.LotNumber);
        if (lot is not null && udi?.Lot is { } udiLot && !string.Equals(lot, udiLot, StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Invalid("lotNumber", "File.LotDiffersFromUdi", udiLot);
        }

        complaint.DeviceId = device?.Id;
        complaint.SerialNumber = serial ?? udi?.Serial ?? device?.SerialNumber;
        complaint.LotNumber = lot ?? udi?.Lot ?? device?.LotNumber;
        complaint.UdiText = udi is null ? null : udiText;
        complaint.UdiEntry = udi is null ? null : entry;
        complaint.UdiIssuer = udi?.Issuer;
        complaint.UdiDeviceIdentifier = udi?.DeviceIdentifier;
        complaint.UdiLot = udi?.Lot;
        complaint.UdiSerial = udi?.Serial;
        complaint.UdiExpiry = udi?.Expiry;
        complaint.UdiManufactured = udi?.Manufactured;
        complaint.PatientInvolvement = involvement.Value;
        complaint.PatientOutcome = outcome.Value;
        complaint.Narrative = narrative;
        complaint.NarrativeLanguage = narrative is null ? null : language;
        return await changes.SaveAsync(complaint, cancellationToken);
    }

    private static T? Term<T>(string? sent, IReadOnlyDictionary<string, T> terms, T missing)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(sent) ? missing : terms.TryGetValue(sent.Trim(), out var value) ? value : null;

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
