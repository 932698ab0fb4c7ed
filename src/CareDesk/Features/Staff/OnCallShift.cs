using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Staff;

/// <summary>
/// Who is on call for a team from one instant to another (F26): the primary first, then the backups in the order
/// they are alerted when the one before does not answer (F13). Shifts of one team do not overlap.
/// </summary>
public sealed class OnCallShift
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string TeamId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public required string PrimaryUserId { get; set; }

    /// <summary>Backups in escalation order (user ids).</summary>
    public List<string> BackupUserIds { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Primary, then backups: whom an escalation alerts, in order.</summary>
    public IReadOnlyList<string> Chain => [PrimaryUserId, .. BackupUserIds.Where(b => b != PrimaryUserId).Distinct()];
}

internal sealed class OnCallShiftConfiguration : IEntityTypeConfiguration<OnCallShift>
{
    public void Configure(EntityTypeBuilder<OnCallShift> builder)
    {
        builder.ToTable("on_call_shifts");
        builder.Property(s => s.TeamId).HasMaxLength(64);
        builder.Property(s => s.PrimaryUserId).HasMaxLength(450);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Chain);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.PrimaryUserId).OnDelete(DeleteBehavior.Restrict);
        // "Who is on call at T": the shift of the team that started last before T.
        builder.HasIndex(s => new { s.TeamId, s.StartsAt });
    }
}
