using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
