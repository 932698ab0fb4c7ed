using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// One answer to a guided fact (F17) on a complaint: the value, who gave it and when. Answers are never updated: a
/// changed answer is a new row, so the file keeps what was known when. Answers recorded on the file itself
/// (<see cref="InformationId"/> null) describe the event as first reported; answers of later information carry it.
/// </summary>
public sealed class ComplaintFact
{
    public long Id { get; set; }

    public Guid ComplaintId { get; set; }

    /// <summary>The later information this answer came with; null for the file's own answers.</summary>
    public Guid? InformationId { get; set; }

    /// <summary>The wire name (<see cref="Reportability.GuidedFacts"/>), e.g. <c>hospitalization</c>.</summary>
    public required string Name { get; set; }

    /// <summary><c>yes</c>, <c>no</c>, <c>unknown</c> (or <c>suspected</c> for <c>malfunction</c>).</summary>
    public required string Value { get; set; }

    public required string AnsweredBy { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}

internal sealed class ComplaintFactConfiguration : IEntityTypeConfiguration<ComplaintFact>
{
    public void Configure(EntityTypeBuilder<ComplaintFact> builder)
    {
        builder.ToTable("complaint_facts");
        builder.HasKey(f => f.Id);
        builder.HasIndex(f => new { f.ComplaintId, f.Id });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(f => f.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ComplaintInformation>().WithMany().HasForeignKey(f => f.InformationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Name).HasMaxLength(64);
        builder.Property(f => f.Value).HasMaxLength(16);
        builder.Property(f => f.AnsweredBy).HasMaxLength(450);
    }
}
