namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>
/// Whether a complaint was reported to a regulator. Closing refuses a reported complaint: its reports (a supplemental or
/// final report, a follow-up) are quality's regulatory work, not a closure reason. The stored obligations and their
/// submissions (F17) answer this; until they are part of the file, nothing is stored as reported.
/// </summary>
public interface IComplaintReports
{
    Task<bool> WasReportedAsync(Guid complaintId, CancellationToken cancellationToken);
}

internal sealed class NoStoredReports : IComplaintReports
{
    public Task<bool> WasReportedAsync(Guid complaintId, CancellationToken cancellationToken) => Task.FromResult(false);
}
