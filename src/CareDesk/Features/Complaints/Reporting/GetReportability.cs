using CareDesk.Features.Cases;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// The decision on a stored complaint (<c>GET /api/complaints/{id}/reportability</c>): the engine on what the file
/// holds, in the shape of <c>POST /api/regulatory/assess</c>, plus what the file holds, what each market's report
/// still misses, the stored obligations and the decision history. A decision that changed since the last one (a new
/// regulatory profile, say) is stored before it is shown.
/// </summary>
public sealed class GetReportability(
    CareDeskDbContext db, CaseAccess access, DecideReportability decide, ReportabilityEngine engine, DurableTimers timers, IStringLocalizer<ReportabilityText> rationale)
{
    public sealed record View(
        Guid ComplaintId,
        bool IsComplaint,
        IReadOnlyList<MarketAssessment> Markets,
        IReadOnlyList<ReportCompleteness.MarketGaps> Missing,
        EventView Event,
        IReadOnlyList<FactAnswer> Facts,
        IReadOnlyList<InformationView> Information,
        IReadOnlyList<ObligationView> Obligations,
        IReadOnlyList<DecisionView> History,
        string Version);

    public sealed record EventView(string? ProductId, DateOnly? EventDate, string? EventCountry, string? EuMemberState, DateTimeOffset AwarenessAt, string ReceivingTimeZone);

    /// <summary>The current answer to one fact on the file (later information's answers are under <see cref="InformationView"/>).</summary>
    public sealed record FactAnswer(string Name, string Value, string AnsweredBy, DateTimeOffset AnsweredAt);

    public sealed record InformationView(Guid Id, DateTimeOffset ReceivedAt, string Source, string? Text, IReadOnlyDictionary<string, string> Facts, string RecordedBy, DateTimeOffset RecordedAt);

    public sealed record ObligationView(
        Guid Id, string Market, string Kind, string Form, DateTimeOffset ClockStart, int Period, string Unit, string Due, string? NominalDue,
        DateTimeOffset DueAt, string Status, bool Provisional, bool Overdue, DateTimeOffset? SubmittedAt, string? SubmittedBy, string? Reference, string Version);

    public sealed record DecisionView(DateTimeOffset DecidedAt, string DecidedBy, string Summary);

    /// <param name="masked">An outsourced agent's view: later information's text (the caller's words) reads <c>***</c>.</param>
    public async Task<Result<View>> RunAsync(Guid complaintId, StaffActor actor, bool masked, CancellationToken cancellationToken)
    {
        if (await db.Set<Complaint>().SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken) is not { } complaint)
        {
            return Failure.NotFound("Complaint.NotFound");
        }

        if (await access.CheckPersonAsync(complaint.PersonId, actor, cancellationToken) is { } denied)
        {
            return denied;
        }

        var now = access.Now();
        var assessment = await decide.ApplyAsync(complaint, DecideReportability.SystemActor, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await timers.HandOverAsync(db, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another read or a recording stored the same change at this moment (the obligations' unique key): theirs stands.
            db.ChangeTracker.Clear();
        }

        var input = await decide.InputAsync(complaint, now, cancellationToken);
        var stored = await db.Set<RegulatoryObligation>().AsNoTracking().Where(o => o.ComplaintId == complaint.Id)
            .OrderBy(o => o.DueAt).ToListAsync(cancellationToken);
        var markets = assessment.Markets.Select(m => m with
        {
            Rationale = string.Join(" ", m.Reasons.Select(r => rationale[r].Value)),
            // A report quality submitted shows as submitted; the engine knows nothing of submissions.
            Obligations = [.. m.Obligations.Select(o => stored.Any(s => s.Market == m.Market && s.Kind == o.Kind && s.Period == o.Period
                && s.ClockStart == o.ClockStart && s.Status == ObligationStatus.Submitted) ? o with { Status = "submitted" } : o)],
        }).ToList();

        var answers = await db.Set<ComplaintFact>().AsNoTracking().Where(f => f.ComplaintId == complaint.Id)
            .OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var information = await db.Set<ComplaintInformation>().AsNoTracking().Where(i => i.ComplaintId == complaint.Id)
            .OrderBy(i => i.ReceivedAt).ToListAsync(cancellationToken);
        var history = await db.Set<ReportabilityDecision>().AsNoTracking().Where(d => d.ComplaintId == complaint.Id)
            .OrderBy(d => d.Id).Select(d => new DecisionView(d.DecidedAt, d.DecidedBy, d.Summary)).ToListAsync(cancellationToken);

        return new View(
            complaint.Id,
            assessment.IsComplaint,
            markets,
            complaint.IsActive ? ReportCompleteness.Of(engine, input, assessment, complaint.ProductModelId, complaint.EventDate) : [],
            new EventView(complaint.ProductModelId, complaint.EventDate, complaint.EventCountry, complaint.EuMemberState, complaint.AwarenessAt, complaint.ReceivingTimeZone),
            [.. answers.Where(a => a.InformationId is null).GroupBy(a => a.Name).Select(g => g.Last())
                .Select(a => new FactAnswer(a.Name, a.Value, a.AnsweredBy, a.AnsweredAt))],
            [.. information.Select(i => new InformationView(i.Id, i.ReceivedAt, i.Source, masked ? People.Masking.Text(i.Text) : i.Text,
                answers.Where(a => a.InformationId == i.Id).GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
                i.RecordedBy, i.RecordedAt))],
            [.. stored.Select(o => ToView(o, now))],
            history,
            complaint.Version.ToString());
    }

    internal static ObligationView ToView(RegulatoryObligation o, DateTimeOffset now) => new(
        o.Id, o.Market, o.Kind, o.Form, o.ClockStart, o.Period, o.Unit, o.Due, o.NominalDue, o.DueAt,
        o.Status.ToString().ToLowerInvariant(), o.Provisional, o.IsOverdue(now), o.SubmittedAt, o.SubmittedBy, o.Reference, o.Version.ToString());
}
