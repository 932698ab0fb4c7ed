namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// Whether a complaint still owes a regulator a report. Closing refuses such a complaint: the file closes once every
/// report it owes has gone out (submitted) or a later decision withdrew it. The stored obligations (F17,
/// <c>Reporting/StoredObligationReports</c>) answer this; without them registered nothing is owed.
/// </summary>
public interface IComplaintReports
{
    Task<bool> OwesAReportAsync(Guid complaintId, CancellationToken cancellationToken);
}
