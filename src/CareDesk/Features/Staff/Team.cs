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
