using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.People;

public enum PersonKind
{
    Patient,
    Caregiver,
    HealthcareProfessional,
    Other,
}

/// <summary>A patient, caregiver, healthcare professional or other contact: one profile per person (F1).</summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Family name (姓), when the name is known in parts.</summary>
    [PersonalData]
    public string? FamilyName { get; set; }

    /// <summary>Given name (名).</summary>
    [PersonalData]
    public string? GivenName { get; set; }

    /// <summary>How the person is shown and addressed: "王建国", "Mary Smith".</summary>
    [PersonalData]
    public required string DisplayName { get; set; }

    public PersonKind Kind { get; set; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; set; }

    [PersonalData]
    public Sex Sex { get; set; }

    /// <summary>Languages spoken, as culture names (zh-CN, en, yue...).</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>IANA time zone; quiet hours and callbacks are computed in it.</summary>
    public string? TimeZone { get; set; }

    public AccessibilityNeeds Accessibility { get; set; } = new();

    public ContactChannel? PreferredChannel { get; set; }

    /// <summary>Free text such as "weekdays 9–11".</summary>
    public string? PreferredHours { get; set; }

    /// <summary>User id of the field rep who looks after this person (field reps see only their own people).</summary>
    public string? AssignedFieldRepId { get; set; }

    [PersonalData]
    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: a writer sends the version it read; a changed version means 409.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Set when this person was merged into another (F4): the row stays, empty of facts, so that an unmerge brings it
    /// back under the same id; search leaves it out and its page points to the survivor.
    /// </summary>
    public Guid? MergedIntoId { get; set; }

    public List<ContactPoint> ContactPoints { get; set; } = [];

    public List<Address> Addresses { get; set; } = [];
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.PreferredChannel).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.PreferredHours).HasMaxLength(200);
        builder.Property(p => p.AssignedFieldRepId).HasMaxLength(450);
        builder.Property(p => p.Notes).HasMaxLength(4000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.ComplexProperty(p => p.Accessibility, a => a.Property(x => x.Notes).HasMaxLength(1000));
        builder.HasIndex(p => p.DisplayName);
        builder.HasIndex(p => p.AssignedFieldRepId);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.ContactPoints).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
