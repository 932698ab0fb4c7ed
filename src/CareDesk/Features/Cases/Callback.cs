using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Cases;

public enum CallbackStatus
{
    Pending,
    Done,

    /// <summary>Not done by its due time: the supervisors were told; it stays on the owner's list until done.</summary>
    Overdue,
}

/// <summary>
/// "I will call you back by 4 p.m." (F11, story 3): a promise on a case with a due time and an owner. It is on the
/// owner's work list and the supervisors' until done; when it is overdue a durable timer tells the supervisors.
/// </summary>
public sealed class Callback
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public required string OwnerUserId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the callback target's warning share has passed (service levels), if it came from the policy.</summary>
    public DateTimeOffset? WarnAt { get; set; }

    /// <summary>When the owner was warned that the due time is near; a warning is given once.</summary>
    public DateTimeOffset? WarnedAt { get; set; }

    public string? Note { get; set; }

    public CallbackStatus Status { get; set; }

    public required string PromisedBy { get; set; }

    public DateTimeOffset PromisedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public string? Outcome { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class CallbackConfiguration : IEntityTypeConfiguration<Callback>
{
    public void Configure(EntityTypeBuilder<Callback> builder)
    {
        builder.ToTable("case_callbacks");
        builder.Property(c => c.OwnerUserId).HasMaxLength(450);
        builder.Property(c => c.PromisedBy).HasMaxLength(450);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.Property(c => c.Outcome).HasMaxLength(2000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        // The owner's work list and the supervisors' list of open promises, by due time; stored, never recomputed.
        builder.HasIndex(c => new { c.OwnerUserId, c.Status, c.DueAt });
        builder.HasIndex(c => new { c.Status, c.DueAt });
        builder.HasIndex(c => c.CaseId);
    }
}
