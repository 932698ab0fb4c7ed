using CareDesk.Features.Complaints.Reporting;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.Outreach;

/// <summary>
/// How effective a recall has been (F21a), per device and per person: targeted, notified, reached, confirmed, returned
/// or corrected, with shares; people notified per channel; and whether the depth's effectiveness check is met — the
/// share of people reached who confirmed they understood, against the share 21 CFR 7.42(b)(3) names for the depth
/// (A 100 %, B as set, C 10 %, D 2 %, E none). With the linked complaints' regulatory reports, where they exist.
/// </summary>
public sealed class RecallEffectiveness(CareDeskDbContext db)
{
    public sealed record Counts(
        int Targeted, int Notified, int Reached, int Confirmed, int ReturnedOrCorrected,
        double NotifiedShare, double ReachedShare, double ConfirmedShare, double ReturnedOrCorrectedShare);

    public sealed record Obligation(Guid ComplaintId, string Market, string Kind, string Status);

    public sealed record View(
        Guid RecallId,
        string Name,
        string Status,
        string Depth,
        double RequiredShare,
        double CheckedShare,
        bool CheckMet,
        Counts Devices,
        Counts People,
        IReadOnlyDictionary<string, int> PeopleNotifiedBy,
        int PeopleNotNotified,
        IReadOnlyList<Guid> ComplaintIds,
        IReadOnlyList<Guid> CaseIds,
        IReadOnlyList<Obligation> RegulatoryReports);

    private sealed record Flags(bool Notified, bool Reached, bool Confirmed, bool Done, string? Channel);

    public async Task<Result<View>> RunAsync(Guid recallId, CancellationToken cancellationToken)
    {
        if (await db.Recalls.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recallId, cancellationToken) is not { } recall)
        {
            return Failure.NotFound("Recall.NotFound");
        }

        var rows = db.RecallDevices.AsNoTracking().Where(d => d.RecallId == recallId);
        var devices = await rows
            .Select(d => new Flags(d.NotifiedAt != null, d.ReachedAt != null, d.ConfirmedAt != null, d.ReturnedAt != null || d.CorrectedAt != null, d.NotifiedBy))
            .ToListAsync(cancellationToken);
        // A person counts as notified, reached, confirmed when any of their devices is; done when all are returned or corrected.
        var people = (await rows
                .Select(d => new { d.PersonId, Flags = new Flags(d.NotifiedAt != null, d.ReachedAt != null, d.ConfirmedAt != null, d.ReturnedAt != null || d.CorrectedAt != null, d.NotifiedBy) })
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.PersonId)
            .Select(g => new Flags(g.Any(d => d.Flags.Notified), g.Any(d => d.Flags.Reached), g.Any(d => d.Flags.Confirmed), g.All(d => d.Flags.Done), g.Select(d => d.Flags.Channel).FirstOrDefault(c => c != null)))
            .ToList();
        var byPerson = Count(people);
        var checkedShare = byPerson.ConfirmedShare;
        var reports = recall.ComplaintIds.Count == 0 ? [] : await db.Set<RegulatoryObligation>().AsNoTracking()
            .Where(o => recall.ComplaintIds.Contains(o.ComplaintId))
            .OrderBy(o => o.DueAt)
            .Select(o => new { o.ComplaintId, o.Market, o.Kind, o.Status })
            .ToListAsync(cancellationToken);
        return new View(
            recall.Id,
            recall.Name,
            OutreachTerms.Of(recall.Status),
            recall.Depth.ToString(),
            recall.RequiredShare,
            checkedShare,
            people.Count > 0 && checkedShare >= recall.RequiredShare,
            Count(devices),
            byPerson,
            people.Where(p => p.Channel is not null).GroupBy(p => p.Channel!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            people.Count(p => !p.Notified),
            recall.ComplaintIds,
            recall.CaseIds,
            reports.Select(o => new Obligation(o.ComplaintId, o.Market, o.Kind, KebabCase.Of(o.Status))).ToList());
    }

    private static Counts Count(IReadOnlyList<Flags> rows)
    {
        double Share(int n) => rows.Count == 0 ? 0 : Math.Round((double)n / rows.Count, 4);
        var (notified, reached, confirmed, done) = (rows.Count(r => r.Notified), rows.Count(r => r.Reached), rows.Count(r => r.Confirmed), rows.Count(r => r.Done));
        return new Counts(rows.Count, notified, reached, confirmed, done, Share(notified), Share(reached), Share(confirmed), Share(done));
    }
}
