using CareDesk.Features.Cases;
using CareDesk.Features.Complaints.Imdrf;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Trending;

/// <summary>A complaint's IMDRF codes with their terms, for the case page and quality.</summary>
public sealed class GetComplaintCodes(CareDeskDbContext db, CaseAccess access)
{
    public sealed record Code(string Annex, string Value, string Term, string Release, string CodedBy, DateTimeOffset CodedAt);

    public sealed record View(Guid ComplaintId, string? ModelId, string Release, IReadOnlyList<Code> Problem, IReadOnlyList<Code> HealthEffect);

    public async Task<Result<View>> RunAsync(Guid complaintId, StaffActor actor, CancellationToken cancellationToken)
    {
        var caseId = await db.Set<Complaint>().AsNoTracking().Where(c => c.Id == complaintId).Select(c => (Guid?)c.CaseId).SingleOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return Failure.NotFound("Complaint.NotFound");
        }

        if ((await access.LoadAsync(caseId.Value, actor, cancellationToken)).Failure is { } denied)
        {
            return denied;
        }

        var rows = await db.Set<ComplaintCode>().AsNoTracking().Where(c => c.ComplaintId == complaintId).ToListAsync(cancellationToken);
        var codes = rows.OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new Code(r.Annex.ToString(), r.Code, ImdrfTerms.Shipped.Find(r.Code)?.Term ?? "", r.Release, r.CodedBy, r.CodedAt))
            .ToList();
        return new View(complaintId, rows.Select(r => r.ModelId).FirstOrDefault(m => m is not null), ImdrfTerms.Release,
            [.. codes.Where(c => c.Annex == "A")], [.. codes.Where(c => c.Annex != "A")]);
    }
}
