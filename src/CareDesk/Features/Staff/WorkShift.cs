using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Staff;

/// <summary>
/// Who works when (F26): one user working for one team from one instant to another. Shifts of one user never
/// overlap. Most come from the two-shift 24/7 template (<see cref="ApplyShiftTemplate"/>); single ones are edited by hand.
/// </summary>
public sealed class WorkShift
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string UserId { get; set; }

    public required string TeamId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary><c>day</c> or <c>night</c> from the template; <c>custom</c> when added by hand.</summary>
    public string Kind { get; set; } = WorkShiftKinds.Custom;

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class WorkShiftConfiguration : IEntityTypeConfiguration<WorkShift>
{
    public void Configure(EntityTypeBuilder<WorkShift> builder)
    {
        builder.ToTable("work_shifts");
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.TeamId).HasMaxLength(64);
        builder.Property(s => s.Kind).HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        // "Who is on shift at T" scans shifts that started in (T - longest shift, T]; "is X on shift" and the
        // overlap check seek one user's shifts by start.
        builder.HasIndex(s => s.StartsAt);
        builder.HasIndex(s => new { s.UserId, s.StartsAt });
        builder.HasIndex(s => new { s.TeamId, s.StartsAt });
    }
}
