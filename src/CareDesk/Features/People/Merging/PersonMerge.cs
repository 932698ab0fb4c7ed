using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareDesk.Features.People.Merging;

/// <summary>
/// One merge of a duplicate into the person who survives it (F4), with all it takes to undo it exactly: both people's
/// own fields before, the survivor's after, and the key of every row moved or dropped. Written once by the merge;
/// the unmerge only stamps it.
/// </summary>
public sealed class PersonMerge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SurvivorId { get; set; }

    public Guid MergedId { get; set; }

    /// <summary>Why: "same person, imported twice by two dealers".</summary>
    public required string Note { get; set; }

    public required string MergedBy { get; set; }

    public DateTimeOffset MergedAt { get; set; }

    [PersonalData]
    public required PersonScalars SurvivorBefore { get; set; }

    [PersonalData]
    public required PersonScalars SurvivorAfter { get; set; }

    [PersonalData]
    public required PersonScalars MergedSnapshot { get; set; }

    public MovedRows Moved { get; set; } = new();

    [PersonalData]
    public DroppedRows Dropped { get; set; } = new();

    public SurvivorRows SurvivorHad { get; set; } = new();

    public DateTimeOffset? UnmergedAt { get; set; }

    public string? UnmergedBy { get; set; }

    public string? UnmergeNote { get; set; }

    /// <summary>Two supervisors unmerging at once: one of them finds it changed.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class PersonMergeConfiguration : IEntityTypeConfiguration<PersonMerge>
{
    // Enums by name: a snapshot read back years later must not depend on the order of an enum's members.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<PersonMerge> builder)
    {
        builder.ToTable("person_merges");
        builder.Property(m => m.Note).HasMaxLength(1000);
        builder.Property(m => m.UnmergeNote).HasMaxLength(1000);
        builder.Property(m => m.MergedBy).HasMaxLength(450);
        builder.Property(m => m.UnmergedBy).HasMaxLength(450);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // Written whole and read whole, never queried inside: JSON text on both databases.
        builder.Property(m => m.SurvivorBefore).HasConversion(Column<PersonScalars>(), Comparer<PersonScalars>());
        builder.Property(m => m.SurvivorAfter).HasConversion(Column<PersonScalars>(), Comparer<PersonScalars>());
        builder.Property(m => m.MergedSnapshot).HasConversion(Column<PersonScalars>(), Comparer<PersonScalars>());
        builder.Property(m => m.Moved).HasConversion(Column<MovedRows>(), Comparer<MovedRows>());
        builder.Property(m => m.Dropped).HasConversion(Column<DroppedRows>(), Comparer<DroppedRows>());
        builder.Property(m => m.SurvivorHad).HasConversion(Column<SurvivorRows>(), Comparer<SurvivorRows>());
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.SurvivorId, m.MergedAt });
        builder.HasIndex(m => new { m.MergedId, m.MergedAt });
    }

    private static ValueConverter<T, string> Column<T>() =>
        new(value => JsonSerializer.Serialize(value, Json), json => JsonSerializer.Deserialize<T>(json, Json)!);

    // Compared by their JSON: the lists inside records compare by reference otherwise.
    private static ValueComparer<T> Comparer<T>() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
            value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json), Json)!);
}
