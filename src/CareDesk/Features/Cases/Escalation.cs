using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Cases;

public enum EscalationStatus
{
    /// <summary>The expert at <see cref="Escalation.Level"/> has been alerted and has not acknowledged yet.</summary>
    Alerting,

    /// <summary>Acknowledged; the expert owns the case and must contact the customer by <see cref="Escalation.ContactBy"/>.</summary>
    Acknowledged,

    /// <summary>The expert contacted the customer: the escalation did its job.</summary>
    Contacted,

    /// <summary>Nobody in the chain answered (or nobody was on call): the supervisors were told.</summary>
    Exhausted,
}

/// <summary>
/// A case escalated to the on-duty expert (F13): the chain is taken from the roster at that moment; each expert in
/// turn is alerted, must acknowledge within a deadline and then contact the customer within another; otherwise the
/// next one is alerted and the supervisors are told. Deadlines run on durable timers.
/// </summary>
public sealed class Escalation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public required string TeamId { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? Note { get; set; }

    /// <summary>Whom to alert, in order (user ids), as the roster said when the case was escalated.</summary>
    public List<string> Chain { get; set; } = [];

    /// <summary>Position in <see cref="Chain"/> of the expert alerted now.</summary>
    public int Level { get; set; }

    public EscalationStatus Status { get; set; }

    public string? AlertedUserId { get; set; }

    public DateTimeOffset? AlertedAt { get; set; }

    public DateTimeOffset? AcknowledgeBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? ContactBy { get; set; }

    public DateTimeOffset? ContactedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// The clinical red flags (wire names, Features/Complaints/RedFlags) that made this an urgent medical escalation;
    /// empty for an escalation an agent asked for.
    /// </summary>
    public List<string> RedFlags { get; set; } = [];

    public bool IsActive => Status is EscalationStatus.Alerting or EscalationStatus.Acknowledged;
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.ToTable("escalations");
        builder.Property(e => e.TeamId).HasMaxLength(64);
        builder.Property(e => e.RequestedBy).HasMaxLength(450);
        builder.Property(e => e.Note).HasMaxLength(8000);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.AlertedUserId).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.AlertedUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.RequestedAt });
        // "My escalations" and the nothing-lost detector: active ones by whom they wait for.
        builder.HasIndex(e => new { e.AlertedUserId, e.Status });
    }
}
