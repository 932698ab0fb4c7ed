using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Staff;

/// <summary>
/// What a staff member can take (F26): the languages they speak with callers, the products they know (catalog
/// manufacturer or model ids) and their support tier (1 front line, 2 specialist, 3 expert). One row per user,
/// written by supervisors; a user without a row has no skills recorded yet.
/// </summary>
public sealed class StaffSkills
{
    public required string UserId { get; set; }

    /// <summary>Language codes, e.g. <c>zh</c>, <c>en</c>, <c>yue</c>.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Catalog manufacturer ids (<c>roche</c>) or product model ids (<c>accu-chek-guide-meter</c>).</summary>
    public List<string> Products { get; set; } = [];

    public int Tier { get; set; } = 1;

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class StaffSkillsConfiguration : IEntityTypeConfiguration<StaffSkills>
{
    public void Configure(EntityTypeBuilder<StaffSkills> builder)
    {
        builder.ToTable("staff_skills");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<User>().WithOne().HasForeignKey<StaffSkills>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
