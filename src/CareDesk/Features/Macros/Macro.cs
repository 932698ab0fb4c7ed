using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Macros;

/// <summary>
/// A canned answer: a note or reply text an agent inserts by keyboard, in one language, with placeholders filled from the
/// case ({person name}, {device}, {case number}…, <see cref="MacroPlaceholders"/>). Supervisors and admins keep them.
/// </summary>
public sealed class Macro
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What the agent types after the trigger to find it ("strips"); unique per language.</summary>
    public required string Shortcut { get; set; }

    public required string Title { get; set; }

    /// <summary><c>zh-CN</c> or <c>en</c>.</summary>
    public required string Language { get; set; }

    public required string Text { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes with every write; an editor who read an older one gets a conflict, never a silent overwrite.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> builder)
    {
        builder.ToTable("macros");
        builder.Property(m => m.Shortcut).HasMaxLength(32);
        builder.Property(m => m.Title).HasMaxLength(100);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.Text).HasMaxLength(4000);
        builder.Property(m => m.UpdatedBy).HasMaxLength(450);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UpdatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.Language, m.Shortcut }).IsUnique();
    }
}
