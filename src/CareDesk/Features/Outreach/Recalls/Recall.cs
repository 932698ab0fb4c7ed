using System.Text.Json;
using CareDesk.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A recall or field safety notice (F21a): which devices it concerns (models, and serial ranges, lots or a shipment
/// list), the notice in both languages, the depth of its effectiveness check, and the complaints and cases it came from.
/// It is carried out by its own safety-notice <see cref="Campaign"/> (a legal basis, never consent), whose contacts
/// agents are offered before any other; what became of each affected device is in its <see cref="RecallDevice"/>s.
/// </summary>
public sealed class Recall
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public required string SummaryZh { get; set; }

    public required string SummaryEn { get; set; }

    public RecallDepth Depth { get; set; }

    /// <summary>Depth B's share of people to check, in percent (A, C, D and E have theirs by rule).</summary>
    public int? CheckPercent { get; set; }

    public List<string> ModelIds { get; set; } = [];

    public List<SerialRange> SerialRanges { get; set; } = [];

    public List<string> Lots { get; set; } = [];

    public List<Guid> ComplaintIds { get; set; } = [];

    public List<Guid> CaseIds { get; set; } = [];

    /// <summary>The safety-notice campaign that carries the calls.</summary>
    public Guid CampaignId { get; set; }

    public RecallStatus Status { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The share of people the effectiveness check must reach and confirm (0 for depth E).</summary>
    public double RequiredShare => Depth switch
    {
        RecallDepth.A => 1.0,
        RecallDepth.B => (CheckPercent ?? 100) / 100.0,
        RecallDepth.C => 0.10,
        RecallDepth.D => 0.02,
        _ => 0.0,
    };
}

internal sealed class RecallConfiguration : IEntityTypeConfiguration<Recall>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Recall> builder)
    {
        builder.ToTable("recalls");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.SummaryZh).HasMaxLength(4000);
        builder.Property(r => r.SummaryEn).HasMaxLength(4000);
        builder.Property(r => r.Depth).HasConversion<string>().HasMaxLength(1);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.CreatedBy).HasMaxLength(450);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // The targeting is read whole when the list is built; the devices it selected, not these lists, are queried.
        builder.Property(r => r.ModelIds).HasConversion(Column<List<string>>(), Comparer<string>());
        builder.Property(r => r.Lots).HasConversion(Column<List<string>>(), Comparer<string>());
        builder.Property(r => r.ComplaintIds).HasConversion(Column<List<Guid>>(), Comparer<Guid>());
        builder.Property(r => r.CaseIds).HasConversion(Column<List<Guid>>(), Comparer<Guid>());
        builder.Property(r => r.SerialRanges).HasConversion(Column<List<SerialRange>>(), Comparer<SerialRange>());
        builder.HasOne<Campaign>().WithOne().HasForeignKey<Recall>(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.CreatedBy).OnDelete(DeleteBehavior.Restrict);
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Column<T>()
        where T : new() =>
        new(value => JsonSerializer.Serialize(value, Json), json => JsonSerializer.Deserialize<T>(json, Json) ?? new T());

    private static ValueComparer<List<T>> Comparer<T>() =>
        new((a, b) => a!.SequenceEqual(b!), list => list.Count, list => list.ToList());
}
