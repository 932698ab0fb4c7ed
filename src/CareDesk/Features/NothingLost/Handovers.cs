using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CareDesk.Features.Cases;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.NothingLost;

/// <summary>Handover reports for supervisors: the list, one report with names, its open questions, its acknowledgement.</summary>
public sealed class Handovers(CareDeskDbContext db, OwnerNames owners, TimeProvider clock)
{
    public const int RecentCount = 30;

    public sealed record Summary(
        Guid Id, DateTimeOffset ShiftStartedAt, DateTimeOffset ShiftEndedAt, DateTimeOffset ProducedAt, int OpenCases, int CallbacksDue, int Escalations,
        int Findings, bool HasOpenQuestions, OwnerView? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);

    public sealed record OwnerLoad(OwnerView Owner, int Count, IReadOnlyList<HandoverSnapshot.CaseLine> Oldest);

    public sealed record CallbackLine(Guid CallbackId, Guid CaseId, string Number, OwnerView Owner, DateTimeOffset DueAt, string Status);

    public sealed record EscalationLine(Guid EscalationId, Guid CaseId, string Number, OwnerView? Alerted, string Status, DateTimeOffset? AcknowledgeBy, DateTimeOffset? ContactBy);

    public sealed record FindingLine(Guid FindingId, string Rule, Guid? CaseId, OwnerView? User, string? Detail, DateTimeOffset RaisedAt);

    public sealed record View(
        Guid Id, DateTimeOffset ShiftStartedAt, DateTimeOffset ShiftEndedAt, DateTimeOffset NextShiftEndsAt, DateTimeOffset ProducedAt,
        IReadOnlyList<OwnerLoad> OpenCases, IReadOnlyList<CallbackLine> CallbacksDue, IReadOnlyList<EscalationLine> Escalations, IReadOnlyList<FindingLine> Findings,
        string? OpenQuestions, OwnerView? OpenQuestionsBy, OwnerView? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string Version);

    public sealed record QuestionsRequest([property: MaxLength(8000)] string? OpenQuestions, [property: Required] string Version);

    public sealed record AcknowledgeRequest([property: Required] string Version);

    /// <summary>Every unacknowledged report, then the latest acknowledged ones; newest first.</summary>
    public async Task<Summary[]> ListAsync(bool unacknowledgedOnly, CancellationToken cancellationToken)
    {
        var unacknowledged = await db.HandoverReports.AsNoTracking().Where(h => h.AcknowledgedAt == null)
            .OrderByDescending(h => h.ShiftEndedAt).Take(ListCases.MaxLimit).ToListAsync(cancellationToken);
        var acknowledged = unacknowledgedOnly ? [] : await db.HandoverReports.AsNoTracking().Where(h => h.AcknowledgedAt != null)
            .OrderByDescending(h => h.ShiftEndedAt).Take(RecentCount).ToListAsync(cancellationToken);
        var reports = unacknowledged.Concat(acknowledged).OrderByDescending(h => h.ShiftEndedAt).ToList();
        var names = await owners.LoadAsync(reports.Select(h => (h.AcknowledgedBy, (string?)null)), cancellationToken);
        return [.. reports.Select(h =>
        {
            var snapshot = Read(h);
            return new Summary(
                h.Id, h.ShiftStartedAt, h.ShiftEndedAt, h.ProducedAt, snapshot.OpenCases.Sum(o => o.Count), snapshot.CallbacksDue.Count, snapshot.Escalations.Count,
                snapshot.Findings.Count, !string.IsNullOrWhiteSpace(h.OpenQuestions), h.AcknowledgedBy is null ? null : names(h.AcknowledgedBy, null), h.AcknowledgedAt);
        })];
    }

    public async Task<Result<View>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.HandoverReports.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } report)
        {
            return Failure.NotFound("Handover.NotFound");
        }

        var s = Read(report);
        var names = await owners.LoadAsync(
            s.OpenCases.Select(o => (o.UserId, o.TeamId))
                .Concat(s.CallbacksDue.Select(c => ((string?)c.OwnerUserId, (string?)null)))
                .Concat(s.Escalations.Select(e => (e.AlertedUserId, (string?)null)))
                .Concat(s.Findings.Select(f => (f.UserId, (string?)null)))
                .Append((report.OpenQuestionsBy, null)).Append((report.AcknowledgedBy, null))
                .Where(o => o.Item1 is not null || o.Item2 is not null),
            cancellationToken);
        OwnerView? User(string? userId) => userId is null ? null : names(userId, null);
        return new View(
            report.Id, report.ShiftStartedAt, report.ShiftEndedAt, report.NextShiftEndsAt, report.ProducedAt,
            [.. s.OpenCases.Select(o => new OwnerLoad(names(o.UserId, o.TeamId), o.Count, o.Oldest))],
            [.. s.CallbacksDue.Select(c => new CallbackLine(c.CallbackId, c.CaseId, c.Number, names(c.OwnerUserId, null), c.DueAt, c.Status))],
            [.. s.Escalations.Select(e => new EscalationLine(e.EscalationId, e.CaseId, e.Number, User(e.AlertedUserId), e.Status, e.AcknowledgeBy, e.ContactBy))],
            [.. s.Findings.Select(f => new FindingLine(f.FindingId, f.Rule, f.CaseId, User(f.UserId), f.Detail, f.RaisedAt))],
            report.OpenQuestions, User(report.OpenQuestionsBy), User(report.AcknowledgedBy), report.AcknowledgedAt, report.Version.ToString());
    }

    /// <summary>The outgoing supervisor writes what the next shift must know; until the report is acknowledged.</summary>
    public async Task<Result<Guid>> SetOpenQuestionsAsync(Guid id, QuestionsRequest request, StaffActor actor, CancellationToken cancellationToken) =>
        await ChangeAsync(id, request.Version, report =>
        {
            report.OpenQuestions = string.IsNullOrWhiteSpace(request.OpenQuestions) ? null : request.OpenQuestions.Trim();
            report.OpenQuestionsBy = actor.UserId;
        }, cancellationToken);

    /// <summary>The incoming shift confirms it has read the report: who and when are recorded, once.</summary>
    public async Task<Result<Guid>> AcknowledgeAsync(Guid id, AcknowledgeRequest request, StaffActor actor, CancellationToken cancellationToken) =>
        await ChangeAsync(id, request.Version, report =>
        {
            report.AcknowledgedBy = actor.UserId;
            report.AcknowledgedAt = clock.GetUtcNow();
        }, cancellationToken);

    private async Task<Result<Guid>> ChangeAsync(Guid id, string? version, Action<HandoverReport> change, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(version, out var read))
        {
            return Failure.Invalid("version", "Handover.VersionInvalid");
        }

        if (await db.HandoverReports.SingleOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } report)
        {
            return Failure.NotFound("Handover.NotFound");
        }

        if (report.Version != read)
        {
            return Failure.Conflict("Handover.Conflict");
        }

        if (report.AcknowledgedAt is not null)
        {
            return Failure.Conflict("Handover.AlreadyAcknowledged");
        }

        change(report);
        report.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Handover.Conflict");
        }

        return report.Id;
    }

    private static HandoverSnapshot Read(HandoverReport report) =>
        JsonSerializer.Deserialize<HandoverSnapshot>(report.Content, HandoverSnapshot.Json) ?? new HandoverSnapshot([], [], [], []);
}
