using CareDesk.Features.Cases;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.NothingLost;

/// <summary>The findings supervisors watch: the open ones, oldest first, or the latest resolved.</summary>
public sealed class ListFindings(CareDeskDbContext db, OwnerNames owners)
{
    public const int MaxCount = 500;

    /// <summary>
    /// One finding. When it is about a case, the case's number, subject, status (API word), owner, and when it was opened
    /// and last moved; <see cref="User"/> is the person the finding names (the alerted expert, the owner off shift).
    /// <see cref="Detail"/> is what the rule stored (a count, a due time, a status): pages word it per rule.
    /// </summary>
    public sealed record View(
        Guid Id,
        string Rule,
        Guid? CaseId,
        string? CaseNumber,
        string? CaseSubject,
        OwnerView? User,
        string? Detail,
        DateTimeOffset RaisedAt,
        DateTimeOffset? ResolvedAt,
        string? CaseStatus = null,
        OwnerView? CaseOwner = null,
        DateTimeOffset? CaseOpenedAt = null,
        DateTimeOffset? CaseLastActivityAt = null);

    public async Task<View[]> RunAsync(bool resolved, CancellationToken cancellationToken)
    {
        var query = db.Findings.AsNoTracking();
        query = resolved
            ? query.Where(f => f.ResolvedAt != null).OrderByDescending(f => f.ResolvedAt)
            : query.Where(f => f.ResolvedAt == null).OrderBy(f => f.RaisedAt);
        var rows = await query.Take(MaxCount)
            .GroupJoin(db.Cases, f => f.CaseId, c => c.Id, (f, c) => new { Finding = f, Cases = c })
            .SelectMany(x => x.Cases.DefaultIfEmpty(), (x, c) => new { x.Finding, Case = c })
            .ToListAsync(cancellationToken);
        var names = await owners.LoadAsync(
            rows.Where(r => r.Finding.UserId is not null).Select(r => (r.Finding.UserId, (string?)null))
                .Concat(rows.Where(r => r.Case is not null).Select(r => (r.Case!.OwnerUserId, r.Case.OwnerTeamId))),
            cancellationToken);
        return [.. rows.Select(r => new View(
            r.Finding.Id, r.Finding.Rule, r.Finding.CaseId, r.Case is null ? null : CaseNumbers.Display(r.Case.Number), r.Case?.Subject,
            r.Finding.UserId is null ? null : names(r.Finding.UserId, null), r.Finding.Detail, r.Finding.RaisedAt, r.Finding.ResolvedAt,
            r.Case is null ? null : CaseTerms.Of(r.Case.Status),
            r.Case is null ? null : names(r.Case.OwnerUserId, r.Case.OwnerTeamId),
            r.Case?.OpenedAt,
            r.Case?.LastActivityAt))];
    }
}
