using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.People;

public enum RelationshipKind
{
    /// <summary>From cares for To (a daughter for her father).</summary>
    CaregiverOf,

    /// <summary>From is a parent of To (a mother of a child with a pump).</summary>
    ParentOf,

    /// <summary>From is a doctor, nurse or educator of To.</summary>
    HealthcareProfessionalOf,
}

/// <summary>
/// One directed relationship, stored once and read both ways: "A is caregiver of B" is "B is cared for by A".
/// A caregiver's number finds the patients they care for.
/// </summary>
public sealed class Relationship
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FromPersonId { get; set; }

    public Guid ToPersonId { get; set; }

    public RelationshipKind Kind { get; set; }

    public FactProvenance Provenance { get; set; } = new();
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.ToTable("relationships");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.ComplexProperty(r => r.Provenance, ProvenanceMapping.Configure);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.FromPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ToPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.FromPersonId, r.ToPersonId, r.Kind }).IsUnique();
        builder.HasIndex(r => r.ToPersonId);
    }
}
