namespace CareDesk.Features.Complaints.Exports;

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
