using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Cases;

/// <summary>A filter and order of the work page that one user named to pick again ("breached in front line").</summary>
public sealed class SavedWorkView
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The filter in its address form (<see cref="WorkFilter.ToQuery"/>).</summary>
    public required string Query { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}

internal sealed class SavedWorkViewConfiguration : IEntityTypeConfiguration<SavedWorkView>
{
    public void Configure(EntityTypeBuilder<SavedWorkView> builder)
    {
        builder.ToTable("saved_work_views");
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.Property(v => v.Name).HasMaxLength(100);
        builder.Property(v => v.Query).HasMaxLength(2000);
        builder.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        // A user's views by name: one name, one view.
        builder.HasIndex(v => new { v.UserId, v.Name }).IsUnique();
    }
}
