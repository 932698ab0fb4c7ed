using CareDesk.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.NothingLost;

/// <summary>
/// Something that may be getting lost (F14): a case idle too long, a disabled owner with open cases, a callback past
/// due, an escalation nobody acknowledged. Raised once per condition (<see cref="Rule"/> + <see cref="Subject"/>) and
/// resolved by the detector when the condition clears; the same condition coming back later is a new finding.
/// </summary>
public sealed class Finding
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The rule's name, e.g. <c>case-idle</c> (<see cref="IFindingRule.Name"/>).</summary>
    public required string Rule { get; set; }

    /// <summary>What the condition is about, within the rule: a case, user, callback or escalation id.</summary>
    public required string Subject { get; set; }

    public Guid? CaseId { get; set; }

    public string? UserId { get; set; }

    /// <summary>Rule-specific facts for the reader (the status and since when, how many cases…), not translated.</summary>
    public string? Detail { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>When the detector saw the condition cleared; null while the finding is open.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public bool IsOpen => ResolvedAt is null;
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("findings");
        builder.Property(f => f.Rule).HasMaxLength(64);
        builder.Property(f => f.Subject).HasMaxLength(450);
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.Property(f => f.Detail).HasMaxLength(2000);
        builder.Ignore(f => f.IsOpen);
        builder.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        // One open finding per condition, whatever node or run raises it.
        builder.HasIndex(f => new { f.Rule, f.Subject }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
        builder.HasIndex(f => new { f.ResolvedAt, f.RaisedAt });
        builder.HasIndex(f => f.CaseId);
    }
}
