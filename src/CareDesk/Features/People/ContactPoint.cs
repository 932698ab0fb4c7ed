using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.People;

public enum ContactPointKind
{
    Phone,
    Email,
    Messaging,
}

/// <summary>
/// A phone number (stored as E.164), an e-mail address (lower case) or a messaging id (WeChat OpenID...).
/// <see cref="Value"/> is the normalized form every lookup uses; <see cref="Raw"/> is what was typed.
/// </summary>
public sealed class ContactPoint
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public ContactPointKind Kind { get; set; }

    /// <summary>Phones: mobile, home, work, other. Messaging: the platform (wechat, whatsapp...).</summary>
    public required string Type { get; set; }

    [PersonalData]
    public required string Value { get; set; }

    [PersonalData]
    public string? Raw { get; set; }

    /// <summary>Phones: the last four digits, for "the number ends in 5678 and the name is Wang" searches.</summary>
    public string? LastDigits { get; set; }

    public bool IsPrimary { get; set; }

    public FactProvenance Provenance { get; set; } = new();
}

internal sealed class ContactPointConfiguration : IEntityTypeConfiguration<ContactPoint>
{
    public void Configure(EntityTypeBuilder<ContactPoint> builder)
    {
        builder.ToTable("contact_points");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.Property(c => c.Value).HasMaxLength(320);
        builder.Property(c => c.Raw).HasMaxLength(320);
        builder.Property(c => c.LastDigits).HasMaxLength(4);
        builder.ComplexProperty(c => c.Provenance, ProvenanceMapping.Configure);
        // The caller lookup: exact normalized value within a kind.
        builder.HasIndex(c => new { c.Kind, c.Value });
        builder.HasIndex(c => c.LastDigits);
        builder.HasIndex(c => c.PersonId);
    }
}
