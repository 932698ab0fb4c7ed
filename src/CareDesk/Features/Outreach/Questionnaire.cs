using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A script or questionnaire for outreach calls (F21), versioned: a change is saved as the next version under the same
/// <see cref="Key"/>, and a campaign keeps the version it started with, so answers always match the questions asked.
/// </summary>
public sealed class Questionnaire
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable name across versions: <c>follow-up-7-days</c>.</summary>
    public required string Key { get; set; }

    public int Version { get; set; }

    public required string Title { get; set; }

    /// <summary>What the agent reads out first (the script), in both languages.</summary>
    public string? ScriptZh { get; set; }

    public string? ScriptEn { get; set; }

    public List<Question> Questions { get; set; } = [];

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.ToTable("questionnaires");
        builder.Property(q => q.Key).HasMaxLength(64);
        builder.Property(q => q.Title).HasMaxLength(200);
        builder.Property(q => q.ScriptZh).HasMaxLength(4000);
        builder.Property(q => q.ScriptEn).HasMaxLength(4000);
        builder.Property(q => q.CreatedBy).HasMaxLength(450);
        // A questionnaire is written once per version and read whole: one JSON column, never queried inside.
        builder.Property(q => q.Questions).HasConversion(
            questions => JsonSerializer.Serialize(questions, Json),
            json => JsonSerializer.Deserialize<List<Question>>(json, Json) ?? new List<Question>(),
            new ValueComparer<List<Question>>((a, b) => a!.SequenceEqual(b!), q => q.Count, q => q.ToList()));
        builder.HasIndex(q => new { q.Key, q.Version }).IsUnique();
    }
}
