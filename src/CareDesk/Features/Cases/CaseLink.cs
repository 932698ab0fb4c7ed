using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Cases;

public enum CaseLinkKind
{
    /// <summary>The two cases concern the same matter and are worth reading together.</summary>
    Related,

    /// <summary>The same problem reported twice; one is usually merged into the other.</summary>
    Duplicate,
}

/// <summary>
/// Two cases linked (F11). One row per pair, stored with the smaller id first, so a link is the same row whichever
/// case it was made from and cannot exist twice.
/// </summary>
public sealed class CaseLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FirstCaseId { get; set; }

    public Guid SecondCaseId { get; set; }

    public CaseLinkKind Kind { get; set; }

    public string? Note { get; set; }

    public required string LinkedBy { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public static (Guid First, Guid Second) Pair(Guid one, Guid other) => one.CompareTo(other) < 0 ? (one, other) : (other, one);

    public Guid OtherThan(Guid caseId) => caseId == FirstCaseId ? SecondCaseId : FirstCaseId;
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> builder)
    {
        builder.ToTable("case_links");
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Note).HasMaxLength(2000);
        builder.Property(l => l.LinkedBy).HasMaxLength(450);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.FirstCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.SecondCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.FirstCaseId, l.SecondCaseId }).IsUnique();
        builder.HasIndex(l => l.SecondCaseId);
    }
}
