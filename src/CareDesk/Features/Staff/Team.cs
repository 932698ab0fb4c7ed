using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Staff;

/// <summary>
/// A group that can own cases through its queue (F11, F26): the front line, the experts, or a department a case is
/// handed to (quality, repair, medical, sales, logistics). Identified by a stable slug, e.g. <c>quality</c>.
/// </summary>
public sealed class Team
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? NameZh { get; set; }

    /// <summary>A department receives handoffs and sends them back; a queue serves callers directly.</summary>
    public bool IsDepartment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string LocalName(bool chinese) => chinese && !string.IsNullOrWhiteSpace(NameZh) ? NameZh : Name;
}

/// <summary>A user's membership in a team: they see and take the team's queue.</summary>
public sealed class TeamMember
{
    public required string TeamId { get; set; }

    public required string UserId { get; set; }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("teams");
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.NameZh).HasMaxLength(100);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("team_members");
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.Property(m => m.TeamId).HasMaxLength(64);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
