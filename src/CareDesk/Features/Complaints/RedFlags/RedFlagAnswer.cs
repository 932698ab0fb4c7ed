using CareDesk.Features.Cases;
using CareDesk.Features.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.RedFlags;

/// <summary>
/// One clinical red-flag question asked at intake and its answer (F15): the question as the agent read it, in their
/// language, who asked and when. Answers are never changed: asking again adds a row, so the record shows what was
/// known at each moment.
/// </summary>
public sealed class RedFlagAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    /// <summary>The contact in which it was asked, when there was one on the case.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>The red flag's wire name (<see cref="RedFlags"/>).</summary>
    public required string Flag { get; set; }

    /// <summary>The question exactly as shown to the agent.</summary>
    public required string Question { get; set; }

    /// <summary>The language the question was asked in (<c>en</c>, <c>zh-CN</c>).</summary>
    public required string Language { get; set; }

    public RedFlagAnswerValue Answer { get; set; }

    public required string AnsweredBy { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>The urgent medical escalation a "yes" started or joined.</summary>
    public Guid? EscalationId { get; set; }
}

internal sealed class RedFlagAnswerConfiguration : IEntityTypeConfiguration<RedFlagAnswer>
{
    public void Configure(EntityTypeBuilder<RedFlagAnswer> builder)
    {
        builder.ToTable("red_flag_answers");
        builder.Property(a => a.Flag).HasMaxLength(64);
        builder.Property(a => a.Question).HasMaxLength(1000);
        builder.Property(a => a.Language).HasMaxLength(16);
        builder.Property(a => a.Answer).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.AnsweredBy).HasMaxLength(450);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Escalation>().WithMany().HasForeignKey(a => a.EscalationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.AnsweredAt });
        builder.HasIndex(a => a.ContactId);
        builder.HasIndex(a => a.EscalationId);
    }
}
