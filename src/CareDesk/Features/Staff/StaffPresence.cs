using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Staff;

/// <summary>
/// What a staff member last said about themselves (available, busy, away, off shift) and when. The presence others
/// see is derived from it and the user's work shifts (<see cref="PresenceRule"/>).
/// </summary>
public sealed class StaffPresence
{
    public required string UserId { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset SetAt { get; set; }
}

internal sealed class StaffPresenceConfiguration : IEntityTypeConfiguration<StaffPresence>
{
    public void Configure(EntityTypeBuilder<StaffPresence> builder)
    {
        builder.ToTable("staff_presence");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.HasOne<User>().WithOne().HasForeignKey<StaffPresence>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
