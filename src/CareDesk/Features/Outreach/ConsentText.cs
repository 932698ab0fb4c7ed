using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// The wording a consent is asked with, per purpose, in Chinese and English, versioned: a new wording is a new version,
/// and each ledger entry keeps the exact text shown or read out, so a later change never rewrites what a person heard.
/// </summary>
public sealed class ConsentText
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public OutreachPurpose Purpose { get; set; }

    public int Version { get; set; }

    public required string TextZh { get; set; }

    public required string TextEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The wording in <paramref name="language"/> (zh-CN or en; Chinese for any zh).</summary>
    public string In(string? language) =>
        language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? TextZh : TextEn;
}

internal sealed class ConsentTextConfiguration : IEntityTypeConfiguration<ConsentText>
{
    public void Configure(EntityTypeBuilder<ConsentText> builder)
    {
        builder.ToTable("consent_texts");
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.TextZh).HasMaxLength(2000);
        builder.Property(t => t.TextEn).HasMaxLength(2000);
        builder.Property(t => t.CreatedBy).HasMaxLength(450);
        builder.HasIndex(t => new { t.Purpose, t.Version }).IsUnique();
    }
}
