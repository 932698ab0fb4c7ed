using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.NothingLost;

/// <summary>The findings supervisors watch: the open ones, oldest first, or the latest resolved.</summary>
public sealed class ListFindings(CareDeskDbContext db, OwnerNames owners)
{
    public const int MaxCount = 500;

    public sealed record View(Guid Id, string Rule, Guid? CaseId, string? CaseNumber, string? CaseSubject, OwnerView? User, string? Detail, DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt);

    public async Task<View[]> RunAsync(bool resolved, CancellationToken cancellationToken)
    {
        var query = db.Findings.AsNoTracking();
        query = resolved
            ? query.Where(f => f.ResolvedAt != null).OrderByDescending(f => f.ResolvedAt)
            : query.Where(f => f.ResolvedAt == null).OrderBy(f => f.RaisedAt);
        var rows = await query.Take(MaxCount)
            .GroupJoin(db.Cases, f => f.CaseId, c => c.Id, (f, c) => new { Finding = f, Cases = c })
            .SelectMany(x => x.Cases.DefaultIfEmpty(), (x, c) => new { x.Finding, Number = c == null ? null : c.Number, Subject = c == null ? null : c.Subject })
            .ToListAsync(cancellationToken);
        var names = await owners.LoadAsync(rows.Where(r => r.Finding.UserId is not null).Select(r => (r.Finding.UserId, (string?)null)), cancellationToken);
        return [.. rows.Select(r => new View(
            r.Finding.Id, r.Finding.Rule, r.Finding.CaseId, r.Number is null ? null : CaseNumbers.Display(r.Number), r.Subject,
            r.Finding.UserId is null ? null : names(r.Finding.UserId, null), r.Finding.Detail, r.Finding.RaisedAt, r.Finding.ResolvedAt))];
    }
}
