using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// One report a complaint owes a regulator (F17), as the engine decided it and quality works it off: by when, and
/// whether it went out. Identified within its complaint by market, kind, period and clock start: a re-decision that
/// yields the same report keeps the row; one that no longer yields it withdraws it (unless it was submitted).
/// </summary>
public sealed class RegulatoryObligation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ComplaintId { get; set; }

    /// <summary>The complaint's case, kept here so the due list needs no join to link to it.</summary>
    public Guid CaseId { get; set; }

    /// <summary><c>US</c>, <c>EU</c> or <c>CN</c>.</summary>
    public required string Market { get; set; }

    /// <summary>The engine's kind, e.g. <c>eu-serious-incident</c>.</summary>
    public required string Kind { get; set; }

    public required string Form { get; set; }

    public DateTimeOffset ClockStart { get; set; }

    public int Period { get; set; }

    /// <summary><c>calendar-days</c>, <c>working-days</c> or <c>hours</c>.</summary>
    public required string Unit { get; set; }

    /// <summary>The legal last day (<c>2026-03-02</c>) or, for hour clocks, the instant with offset, as the engine gives it.</summary>
    public required string Due { get; set; }

    /// <summary>The EU/CN "day 0 + N" beside a last day that was rolled forward.</summary>
    public string? NominalDue { get; set; }

    /// <summary>When it is overdue: the end of the last day in the receiving site's zone, or the hour clock's instant.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the "due" alert goes: the start of the last day (day clocks), an hour before (hour clocks).</summary>
    public DateTimeOffset DueAlertAt { get; set; }

    /// <summary>When the warning goes (<see cref="ObligationOptions"/>); equal to <see cref="DueAlertAt"/> when there is no room for one.</summary>
    public DateTimeOffset WarnAt { get; set; }

    /// <summary>Owed only if the open facts confirm it; its clock runs anyway (MDCG 2023-3, 803.3 "become aware").</summary>
    public bool Provisional { get; set; }

    public ObligationStatus Status { get; set; }

    /// <summary>The last alert sent: 0 none, 1 warning, 2 due, 3 overdue. Makes a repeated timer firing alert nothing twice.</summary>
    public int AlertedStage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>The regulator's reference (the FDA's MDR report number, EUDAMED's, NMPA's 报告编码).</summary>
    public string? Reference { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOverdue(DateTimeOffset now) => Status == ObligationStatus.Open && now >= DueAt;
}

internal sealed class RegulatoryObligationConfiguration : IEntityTypeConfiguration<RegulatoryObligation>
{
    public void Configure(EntityTypeBuilder<RegulatoryObligation> builder)
    {
        builder.ToTable("obligations");
        builder.HasKey(o => o.Id);
        // The due list: open ones by due time (issue 12 budget: 100,000 open obligations in 300 ms).
        builder.HasIndex(o => new { o.Status, o.DueAt });
        builder.HasIndex(o => new { o.ComplaintId, o.Market, o.Kind, o.Period, o.ClockStart }).IsUnique();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(o => o.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Market).HasMaxLength(2);
        builder.Property(o => o.Kind).HasMaxLength(64);
        builder.Property(o => o.Form).HasMaxLength(300);
        builder.Property(o => o.Unit).HasMaxLength(16);
        builder.Property(o => o.Due).HasMaxLength(32);
        builder.Property(o => o.NominalDue).HasMaxLength(32);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.SubmittedBy).HasMaxLength(450);
        builder.Property(o => o.Reference).HasMaxLength(100);
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}
