using System.Globalization;
using System.Text.Json;
using CareDesk.Features.Catalog;
using CareDesk.Features.Complaints.Reportability;
using CareDesk.Platform.Data;
using CareDesk.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// Runs the reportability engine on what a complaint file stores — its guided facts, its later information, its
/// product's regulatory profile, event country and member state, awareness and receiving zone — and keeps the result:
/// a history row whenever the decision differs from the last one, and the obligations it yields (new ones opened with
/// their durable timers, ones no longer owed withdrawn, submitted ones never touched). The caller saves.
/// </summary>
public sealed class DecideReportability(CareDeskDbContext db, ReportabilityEngine engine, DurableTimers timers, IOptions<ObligationOptions> options)
{
    public const string SystemActor = "system:reportability";

    /// <summary>The engine's input for <paramref name="complaint"/> as stored.</summary>
    public async Task<AssessmentInput> InputAsync(Complaint complaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answers = await db.Set<ComplaintFact>().AsNoTracking().Where(f => f.ComplaintId == complaint.Id)
            .OrderBy(f => f.Id).Select(f => new { f.InformationId, f.Name, f.Value }).ToListAsync(cancellationToken);
        var information = await db.Set<ComplaintInformation>().AsNoTracking().Where(i => i.ComplaintId == complaint.Id)
            .Select(i => new { i.Id, i.ReceivedAt }).ToListAsync(cancellationToken);

        // The latest answer per fact wins; answers are stored in vocabulary, so parsing cannot fail.
        static FactSet Facts(IEnumerable<(string Name, string Value)> rows)
        {
            var values = new Dictionary<string, FactValue>(StringComparer.Ordinal);
            foreach (var (name, value) in rows)
            {
                values[name] = GuidedFacts.Parse(name, value) ?? FactValue.Unknown;
            }

            return new FactSet(values);
        }

        var profiles = complaint.ProductModelId is { } model
            ? (await GetRegulatoryProfile.CurrentAsync(db, model, cancellationToken)).ForEngine()
            : [];
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(complaint.ReceivingTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new AssessmentInput(
            profiles,
            complaint.EventCountry,
            complaint.EuMemberState,
            new Awareness(complaint.AwarenessAt, zone),
            Facts(answers.Where(a => a.InformationId is null).Select(a => (a.Name, a.Value))),
            [.. information.Select(i => new LaterInformation(i.ReceivedAt, Facts(answers.Where(a => a.InformationId == i.Id).Select(a => (a.Name, a.Value)))))],
            now);
    }

    /// <summary>
    /// Decides and stages the history row and the obligations' changes in the context (the caller saves, then
    /// hands the timers over). A cleared complaint owes nothing: its open obligations are withdrawn.
    /// </summary>
    public async Task<Assessment> ApplyAsync(Complaint complaint, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var input = await InputAsync(complaint, now, cancellationToken);
        var assessment = engine.Assess(input);

        var summary = string.Join("; ", assessment.Markets.Select(m => $"{m.Market} {m.Reportable} {m.EventClass}"));
        var markets = Fingerprint(assessment, complaint.IsActive);
        var last = await db.Set<ReportabilityDecision>().AsNoTracking().Where(d => d.ComplaintId == complaint.Id)
            .OrderByDescending(d => d.Id).Select(d => d.Markets).FirstOrDefaultAsync(cancellationToken);
        if (last != markets)
        {
            db.Set<ReportabilityDecision>().Add(new ReportabilityDecision
            {
                ComplaintId = complaint.Id,
                DecidedAt = now,
                DecidedBy = actor,
                Summary = complaint.IsActive ? summary : "cleared",
                Markets = markets,
            });
        }

        var owed = complaint.IsActive
            ? assessment.Markets.SelectMany(m => m.Obligations.Where(o => o.Status != ReportabilityCodes.NotRequired).Select(o => (m.Market, Obligation: o))).ToList()
            : [];
        var stored = await db.Set<RegulatoryObligation>().Where(o => o.ComplaintId == complaint.Id).ToListAsync(cancellationToken);
        foreach (var (market, obligation) in owed)
        {
            var provisional = obligation.Status == ReportabilityCodes.Provisional;
            var (dueAt, dueAlertAt, warnAt) = Instants(obligation, input.Awareness.TimeZone, options.Value);
            var row = stored.FirstOrDefault(s => s.Market == market && s.Kind == obligation.Kind && s.Period == obligation.Period && s.ClockStart == obligation.ClockStart);
            if (row is null)
            {
                row = new RegulatoryObligation
                {
                    ComplaintId = complaint.Id,
                    CaseId = complaint.CaseId,
                    Market = market,
                    Kind = obligation.Kind,
                    Form = obligation.Form,
                    // PostgreSQL stores instants in UTC only (the engine gives clock starts in the receiving zone).
                    ClockStart = obligation.ClockStart.ToUniversalTime(),
                    Period = obligation.Period,
                    Unit = obligation.Unit,
                    Due = obligation.Due,
                    NominalDue = obligation.NominalDue,
                    DueAt = dueAt,
                    DueAlertAt = dueAlertAt,
                    WarnAt = warnAt,
                    Provisional = provisional,
                    Status = ObligationStatus.Open,
                    CreatedAt = now,
                };
                db.Set<RegulatoryObligation>().Add(row);
                ObligationDeadlines.SetTimer(timers, db, row);
                continue;
            }

            if (row.Status == ObligationStatus.Submitted)
            {
                continue;
            }

            var reopened = row.Status == ObligationStatus.Withdrawn;
            var moved = row.DueAt != dueAt;
            if (reopened || moved || row.Provisional != provisional || row.Due != obligation.Due)
            {
                row.Status = ObligationStatus.Open;
                row.WithdrawnAt = null;
                row.Provisional = provisional;
                row.Due = obligation.Due;
                row.NominalDue = obligation.NominalDue;
                row.DueAt = dueAt;
                row.DueAlertAt = dueAlertAt;
                row.WarnAt = warnAt;
                row.Version = Guid.NewGuid();
                if (reopened || moved)
                {
                    // A new last day (another member state's holidays) or a report owed again: its alerts start over.
                    row.AlertedStage = 0;
                    ObligationDeadlines.SetTimer(timers, db, row);
                }
            }
        }

        foreach (var row in stored.Where(s => s.Status == ObligationStatus.Open
            && !owed.Any(o => o.Market == s.Market && o.Obligation.Kind == s.Kind && o.Obligation.Period == s.Period && o.Obligation.ClockStart == s.ClockStart)))
        {
            row.Status = ObligationStatus.Withdrawn;
            row.WithdrawnAt = now;
            row.Version = Guid.NewGuid();
            timers.Clear<ObligationTimerJob>(db, row.Id.ToString());
        }

        return assessment;
    }

    /// <summary>
    /// The legal end of an obligation and its alert instants. A day clock's last day ends at midnight in the receiving
    /// site's zone (the engine counts days there); an hour clock's due instant is exact.
    /// </summary>
    internal static (DateTimeOffset DueAt, DateTimeOffset DueAlertAt, DateTimeOffset WarnAt) Instants(Obligation obligation, TimeZoneInfo zone, ObligationOptions settings)
    {
        if (obligation.Unit == ReportabilityCodes.Hours)
        {
            var at = DateTimeOffset.Parse(obligation.Due, CultureInfo.InvariantCulture).ToUniversalTime();
            var dueAlert = Max(at.AddHours(-1), obligation.ClockStart);
            return (at, dueAlert, Min(dueAlert, Max(at - settings.HourClockWarningAhead, obligation.ClockStart)));
        }

        var last = DateOnly.ParseExact(obligation.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dayStarts = StartOfDay(last, zone);
        var end = StartOfDay(last.AddDays(1), zone);
        return (end, dayStarts, Min(dayStarts, Max(end - settings.WarningAhead, obligation.ClockStart)));
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change starts the day an hour later.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>What a decision is, without what only the passing of time changes (open → overdue).</summary>
    private static string Fingerprint(Assessment assessment, bool active) => JsonSerializer.Serialize(
        active
            ? assessment.Markets.Select(m => new
            {
                m.Market,
                m.Applicable,
                m.Reportable,
                m.EventClass,
                m.Reasons,
                Obligations = m.Obligations.Select(o => new
                {
                    o.Kind,
                    o.ClockStart,
                    o.Due,
                    Status = o.Status == ReportabilityCodes.Overdue ? ReportabilityCodes.Open : o.Status,
                }),
            })
            : [],
        JsonSerializerOptions.Web);
}
