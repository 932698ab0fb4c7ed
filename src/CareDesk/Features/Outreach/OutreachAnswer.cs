using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>One answer to one question of a campaign's questionnaire, as text in its canonical form (a choice's key, a number, yes/no).</summary>
public sealed class OutreachAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AttemptId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid PersonId { get; set; }

    public required string QuestionKey { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}

internal sealed class OutreachAnswerConfiguration : IEntityTypeConfiguration<OutreachAnswer>
{
    public void Configure(EntityTypeBuilder<OutreachAnswer> builder)
    {
        builder.ToTable("outreach_answers");
        builder.Property(a => a.QuestionKey).HasMaxLength(64);
        builder.Property(a => a.Value).HasMaxLength(2000);
        builder.HasOne<OutreachAttempt>().WithMany().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CampaignId, a.QuestionKey });
        builder.HasIndex(a => a.PersonId);
    }
}
