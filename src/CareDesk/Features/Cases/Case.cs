using CareDesk.Features.Devices;
using CareDesk.Features.People;
using CareDesk.Features.Staff;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Cases;

public enum CaseType
{
    Question,
    TechnicalSupport,
    Repair,
    Complaint,
    OrderHelp,
    Feedback,
}

public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum CaseStatus
{
    /// <summary>Opened, nobody has worked on it yet.</summary>
    New,
    InProgress,

    /// <summary>The ball is with the customer (service-level clocks pause here).</summary>
    WaitingOnCustomer,
    Resolved,
    Closed,
}

/// <summary>
/// One problem of one person, from first contact to solution (F11). It has exactly one owner at every moment — a
/// user or a team's queue — which the database enforces with a check constraint, not only this code.
/// </summary>
public sealed partial class Case
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What the caller reads out: eight letters-style characters or ten digits with a check digit (<see cref="CaseNumbers"/>).</summary>
    public required string Number { get; set; }

    /// <summary>Whom the case is for: the patient, the customer.</summary>
    public Guid PersonId { get; set; }

    /// <summary>
    /// Who called on the person's behalf when the case was opened from someone else's call (王丽 about her father):
    /// a caregiver or parent the call reached the person through. Null when the person called themselves.
    /// </summary>
    public Guid? CallerPersonId { get; set; }

    /// <summary>
    /// Screening found a complaint (Features/Complaints keeps its file): such a case is a complaint and can never be
    /// resolved or closed as a question. Cleared only by quality.
    /// </summary>
    public bool HoldsComplaint { get; set; }

    public Guid? DeviceId { get; set; }

    public CaseType Type { get; set; }

    public CasePriority Priority { get; set; }

    public CaseStatus Status { get; set; }

    public required string Subject { get; set; }

    public string? Description { get; set; }

    /// <summary>The owner when a person owns it; exactly one of this and <see cref="OwnerTeamId"/> is set.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>The owner when a team's queue owns it.</summary>
    public string? OwnerTeamId { get; set; }

    /// <summary>What the caller was told.</summary>
    public string? Answer { get; set; }

    public string? Resolution { get; set; }

    public int ReopenCount { get; set; }

    public Guid? MergedIntoCaseId { get; set; }

    public required string OpenedBy { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the last timeline entry was written (<see cref="CaseActivity"/>): what the nothing-lost detector scans.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Changes with every write; a writer who read an older one gets a conflict, never a silent overwrite.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is not (CaseStatus.Resolved or CaseStatus.Closed);

    public void OwnedBy(CaseOwner owner)
    {
        OwnerUserId = owner.UserId;
        OwnerTeamId = owner.TeamId;
    }

    public CaseOwner Owner => new(OwnerUserId, OwnerTeamId);
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases", table =>
            // Exactly one owner at every moment, whatever code writes the row.
            table.HasCheckConstraint("CK_cases_exactly_one_owner", "(\"OwnerUserId\" IS NULL) <> (\"OwnerTeamId\" IS NULL)"));
        builder.Property(c => c.Number).HasMaxLength(16);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Subject).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(8000);
        builder.Property(c => c.OwnerUserId).HasMaxLength(450);
        builder.Property(c => c.OwnerTeamId).HasMaxLength(64);
        builder.Property(c => c.Answer).HasMaxLength(8000);
        builder.Property(c => c.Resolution).HasMaxLength(8000);
        builder.Property(c => c.OpenedBy).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Owner);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.CallerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Device>().WithMany().HasForeignKey(c => c.DeviceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.OwnerTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.MergedIntoCaseId).OnDelete(DeleteBehavior.Restrict);
        // My work and team queues: open cases of one owner, oldest first.
        builder.HasIndex(c => new { c.OwnerUserId, c.Status, c.OpenedAt });
        builder.HasIndex(c => new { c.OwnerTeamId, c.Status, c.OpenedAt });
        builder.HasIndex(c => new { c.PersonId, c.OpenedAt });
        // The nothing-lost detector: cases of a status idle since before a threshold, in one range scan per status.
        builder.HasIndex(c => new { c.Status, c.LastActivityAt });
    }
}
