using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Quality's due list (<c>GET /api/obligations</c>): reports owed to regulators by due time, soonest (or longest
/// overdue) first, each due time in the viewer's zone with the time left. One range on the <c>(Status, DueAt)</c> index.
/// An overdue open obligation is on it until submitted: nothing takes it off but a submission (or a re-decision that
/// no longer owes it, which is kept as withdrawn).
/// </summary>
public sealed class ListObligations(CareDeskDbContext db, TimeProvider clock)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 500;

    /// <param name="Status"><c>open</c> (the default; overdue ones included), <c>overdue</c>, <c>submitted</c>, <c>withdrawn</c>.</param>
    public sealed record Query(string? Status = null, string? Market = null, DateTimeOffset? DueBefore = null, int? Limit = null);

    /// <param name="Total">How many match (the list holds at most the limit).</param>
    /// <param name="Overdue">How many open ones are overdue, whatever the filter.</param>
    public sealed record View(int Total, int Overdue, DateTimeOffset Now, IReadOnlyList<Item> Items);

    /// <param name="DueAt">When it is overdue, in the viewer's time zone.</param>
    /// <param name="SecondsLeft">Until <paramref name="DueAt"/>; negative when overdue.</param>
    public sealed record Item(
        Guid Id, Guid ComplaintId, Guid CaseId, string CaseNumber, string Market, string Kind, string Form, DateTimeOffset ClockStart, int Period, string Unit,
        string Due, string? NominalDue, DateTimeOffset DueAt, long SecondsLeft, string Status, bool Provisional, bool Overdue, bool Warning,
        DateTimeOffset? SubmittedAt, string? SubmittedBy, string? Reference, string Version);

    public async Task<Result<View>> RunAsync(Query query, TimeZoneInfo viewerZone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var status = (query.Status ?? "open").ToLowerInvariant();
        var obligations = db.Set<RegulatoryObligation>().AsNoTracking();
        obligations = status switch
        {
            "open" => obligations.Where(o => o.Status == ObligationStatus.Open),
            "overdue" => obligations.Where(o => o.Status == ObligationStatus.Open && o.DueAt <= now),
            "submitted" => obligations.Where(o => o.Status == ObligationStatus.Submitted),
            "withdrawn" => obligations.Where(o => o.Status == ObligationStatus.Withdrawn),
            _ => null!,
        };
        if (obligations is null)
        {
            return Failure.Invalid("status", "Obligations.StatusInvalid");
        }

        if (query.Market is { } market)
        {
            if (market is not ("US" or "EU" or "CN"))
            {
                return Failure.Invalid("market", "Obligations.MarketInvalid");
            }

            obligations = obligations.Where(o => o.Market == market);
        }

        if (query.DueBefore is { } before)
        {
            obligations = obligations.Where(o => o.DueAt < before);
        }

        var limit = Math.Clamp(query.Limit ?? DefaultLimit, 1, MaxLimit);
        var total = await obligations.CountAsync(cancellationToken);
        var overdue = await db.Set<RegulatoryObligation>().CountAsync(o => o.Status == ObligationStatus.Open && o.DueAt <= now, cancellationToken);
        var rows = await obligations.OrderBy(o => o.DueAt).ThenBy(o => o.Id).Take(limit)
            .Join(db.Cases, o => o.CaseId, c => c.Id, (o, c) => new { Obligation = o, c.Number })
            .ToListAsync(cancellationToken);
        return new View(total, overdue, TimeZoneInfo.ConvertTime(now, viewerZone), [.. rows.Select(r =>
        {
            var o = r.Obligation;
            return new Item(o.Id, o.ComplaintId, o.CaseId, CaseNumbers.Display(r.Number), o.Market, o.Kind, o.Form, o.ClockStart, o.Period, o.Unit,
                o.Due, o.NominalDue, TimeZoneInfo.ConvertTime(o.DueAt, viewerZone), (long)(o.DueAt - now).TotalSeconds,
                o.Status.ToString().ToLowerInvariant(), o.Provisional, o.IsOverdue(now), o.Status == ObligationStatus.Open && now >= o.WarnAt && !o.IsOverdue(now),
                o.SubmittedAt, o.SubmittedBy, o.Reference, o.Version.ToString());
        })]);
    }
}
