using System.Text.Json;
using CareDesk.Features.Cases;
using CareDesk.Features.Staff;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.NothingLost;

/// <summary>
/// The shift handover report (F14): what the ending shift leaves to the next — open cases by owner, callbacks due in
/// the next shift, escalations under way, the open findings — as it stood at the boundary, plus the open questions the
/// outgoing supervisor writes. The next shift acknowledges it. One per shift boundary (unique), whatever node noticed it.
/// </summary>
public sealed class HandoverReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTimeOffset ShiftStartedAt { get; set; }

    /// <summary>The boundary this report is for; unique.</summary>
    public DateTimeOffset ShiftEndedAt { get; set; }

    public DateTimeOffset NextShiftEndsAt { get; set; }

    public DateTimeOffset ProducedAt { get; set; }

    /// <summary>The <see cref="HandoverSnapshot"/> as JSON: a record of that moment, never recomputed.</summary>
    public required string Content { get; set; }

    public string? OpenQuestions { get; set; }

    public string? OpenQuestionsBy { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class HandoverReportConfiguration : IEntityTypeConfiguration<HandoverReport>
{
    public void Configure(EntityTypeBuilder<HandoverReport> builder)
    {
        builder.ToTable("handover_reports");
        builder.Property(h => h.OpenQuestions).HasMaxLength(8000);
        builder.Property(h => h.OpenQuestionsBy).HasMaxLength(450);
        builder.Property(h => h.AcknowledgedBy).HasMaxLength(450);
        builder.Property(h => h.Version).IsConcurrencyToken();
        // Exactly one report per boundary, even if two nodes notice it at once.
        builder.HasIndex(h => h.ShiftEndedAt).IsUnique();
        builder.HasIndex(h => h.AcknowledgedAt);
    }
}

/// <summary>What a handover report records. Owners and cases by id; names are looked up in the reader's language.</summary>
public sealed record HandoverSnapshot(
    IReadOnlyList<HandoverSnapshot.OwnerLoad> OpenCases,
    IReadOnlyList<HandoverSnapshot.CallbackLine> CallbacksDue,
    IReadOnlyList<HandoverSnapshot.EscalationLine> Escalations,
    IReadOnlyList<HandoverSnapshot.FindingLine> Findings)
{
    /// <summary>How many open cases one owner (a user or a team queue) has, and the longest-idle of them.</summary>
    public sealed record OwnerLoad(string? UserId, string? TeamId, int Count, IReadOnlyList<CaseLine> Oldest);

    public sealed record CaseLine(Guid CaseId, string Number, string Subject, string Status, DateTimeOffset LastActivityAt);

    public sealed record CallbackLine(Guid CallbackId, Guid CaseId, string Number, string OwnerUserId, DateTimeOffset DueAt, string Status);

    public sealed record EscalationLine(Guid EscalationId, Guid CaseId, string Number, string? AlertedUserId, string Status, DateTimeOffset? AcknowledgeBy, DateTimeOffset? ContactBy);

    public sealed record FindingLine(Guid FindingId, string Rule, Guid? CaseId, string? UserId, string? Detail, DateTimeOffset RaisedAt);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>
/// Notices a shift boundary that has passed (<see cref="ShiftOptions.BoundariesBetween"/>) and produces its handover
/// report once. Run every minute by <see cref="NothingLostJob"/>; after downtime only the latest boundary gets a
/// report (a snapshot of an earlier one can no longer be taken).
/// </summary>
public sealed class ProduceHandover(CareDeskDbContext db, IOptions<ShiftOptions> shifts, TimeProvider clock)
{
    internal const int MaxLines = 500;
    internal const int OldestPerOwner = 10;

    /// <summary>The report produced now, or null when the latest boundary already has one.</summary>
    public async Task<HandoverReport?> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var boundaries = shifts.Value.BoundariesBetween(now.AddDays(-2), now.AddDays(2)).ToList();
        var ended = boundaries.LastOrDefault(b => b <= now);
        if (ended == default || await db.HandoverReports.AnyAsync(h => h.ShiftEndedAt == ended, cancellationToken))
        {
            return null;
        }

        var started = boundaries.LastOrDefault(b => b < ended);
        var next = boundaries.First(b => b > ended);
        var report = new HandoverReport
        {
            ShiftStartedAt = started == default ? ended.AddHours(-12) : started,
            ShiftEndedAt = ended,
            NextShiftEndsAt = next,
            ProducedAt = now,
            Content = JsonSerializer.Serialize(await SnapshotAsync(next, cancellationToken), HandoverSnapshot.Json),
        };
        db.HandoverReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node produced it at the same moment: the unique boundary let one through.
            if (await ExistsAsync(ended))
            {
                return null;
            }

            throw;
        }

        return report;
    }

    private async Task<bool> ExistsAsync(DateTimeOffset ended)
    {
        db.ChangeTracker.Clear();
        return await db.HandoverReports.AnyAsync(h => h.ShiftEndedAt == ended, CancellationToken.None);
    }

    private async Task<HandoverSnapshot> SnapshotAsync(DateTimeOffset nextShiftEndsAt, CancellationToken cancellationToken)
    {
        var open = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed);
        var counts = await open.GroupBy(c => new { c.OwnerUserId, c.OwnerTeamId })
            .Select(g => new { g.Key.OwnerUserId, g.Key.OwnerTeamId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var oldest = await open.OrderBy(c => c.LastActivityAt).Take(MaxLines)
            .Select(c => new { c.Id, c.Number, c.Subject, c.Status, c.LastActivityAt, c.OwnerUserId, c.OwnerTeamId })
            .ToListAsync(cancellationToken);
        var owners = counts.OrderByDescending(c => c.Count).Select(c => new HandoverSnapshot.OwnerLoad(
            c.OwnerUserId, c.OwnerTeamId, c.Count,
            [.. oldest.Where(o => o.OwnerUserId == c.OwnerUserId && o.OwnerTeamId == c.OwnerTeamId).Take(OldestPerOwner)
                .Select(o => new HandoverSnapshot.CaseLine(o.Id, CaseNumbers.Display(o.Number), o.Subject, CaseTerms.Of(o.Status), o.LastActivityAt))])).ToList();

        var callbacks = await db.Callbacks.AsNoTracking()
            .Where(c => (c.Status == CallbackStatus.Pending || c.Status == CallbackStatus.Overdue) && c.DueAt < nextShiftEndsAt)
            .OrderBy(c => c.DueAt).Take(MaxLines)
            .Join(db.Cases, c => c.CaseId, k => k.Id, (c, k) => new { c.Id, c.CaseId, k.Number, c.OwnerUserId, c.DueAt, c.Status })
            .ToListAsync(cancellationToken);
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.Status == EscalationStatus.Alerting || e.Status == EscalationStatus.Acknowledged)
            .OrderBy(e => e.RequestedAt).Take(MaxLines)
            .Join(db.Cases, e => e.CaseId, k => k.Id, (e, k) => new { e.Id, e.CaseId, k.Number, e.AlertedUserId, e.Status, e.AcknowledgeBy, e.ContactBy })
            .ToListAsync(cancellationToken);
        var findings = await db.Findings.AsNoTracking().Where(f => f.ResolvedAt == null).OrderBy(f => f.RaisedAt).Take(MaxLines).ToListAsync(cancellationToken);
        return new HandoverSnapshot(
            owners,
            [.. callbacks.Select(c => new HandoverSnapshot.CallbackLine(c.Id, c.CaseId, CaseNumbers.Display(c.Number), c.OwnerUserId, c.DueAt, CaseTerms.Of(c.Status)))],
            [.. escalations.Select(e => new HandoverSnapshot.EscalationLine(e.Id, e.CaseId, CaseNumbers.Display(e.Number), e.AlertedUserId, CaseTerms.Of(e.Status), e.AcknowledgeBy, e.ContactBy))],
            [.. findings.Select(f => new HandoverSnapshot.FindingLine(f.Id, f.Rule, f.CaseId, f.UserId, f.Detail, f.RaisedAt))]);
    }
}
