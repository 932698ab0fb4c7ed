namespace CareDesk.Features.Complaints.ComplaintFile;

internal sealed class NoStoredReports : IComplaintReports
{
    public Task<bool> OwesAReportAsync(Guid complaintId, CancellationToken cancellationToken) => Task.FromResult(false);
}
