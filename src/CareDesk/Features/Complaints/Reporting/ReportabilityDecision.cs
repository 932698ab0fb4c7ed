using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// One decision of the engine on a stored complaint, kept whenever it differs from the one before (F17: "earlier
/// decisions stay in the history, never silently replaced"). <see cref="Markets"/> is the decision as JSON (per
/// market: reportable, event class, reasons, the obligations' kind, clock start and due), without the statuses that
/// only the passing of time changes.
/// </summary>
public sealed class ReportabilityDecision
{
    public long Id { get; set; }

    public Guid ComplaintId { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>Whose change led to it (the user who recorded facts or information), or <c>system</c> on a read.</summary>
    public required string DecidedBy { get; set; }

    /// <summary>Short: "US yes death; EU no none; CN yes death".</summary>
    public required string Summary { get; set; }

    public required string Markets { get; set; }
}

internal sealed class ReportabilityDecisionConfiguration : IEntityTypeConfiguration<ReportabilityDecision>
{
    public void Configure(EntityTypeBuilder<ReportabilityDecision> builder)
    {
        builder.ToTable("reportability_decisions");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.ComplaintId, d.Id });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(d => d.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.DecidedBy).HasMaxLength(450);
        builder.Property(d => d.Summary).HasMaxLength(1000);
        builder.Property(d => d.Markets).HasMaxLength(64000);
    }
}
