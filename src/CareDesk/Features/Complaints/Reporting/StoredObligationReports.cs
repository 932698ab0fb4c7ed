using CareDesk.Features.Complaints.ComplaintFile;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>A complaint owes a report while any of its stored obligations is open (not submitted, not withdrawn).</summary>
internal sealed class StoredObligationReports(CareDeskDbContext db) : IComplaintReports
{
    public Task<bool> OwesAReportAsync(Guid complaintId, CancellationToken cancellationToken) =>
        db.Set<RegulatoryObligation>().AnyAsync(o => o.ComplaintId == complaintId && o.Status == ObligationStatus.Open, cancellationToken);
}
