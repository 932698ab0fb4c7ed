using CareDesk.Features.People;
using CareDesk.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Outreach;

/// <summary>
/// The one outbound contact a person may be in at a time (F22), across all agents, campaigns and nodes: one row per
/// person ever put on a list, claimed by a conditional update (free, or its claim ran out), so two agents can never hold
/// the same person. The attempts that hold it are audited; the row itself is a lock, not a record.
/// </summary>
[NotAudited]
public sealed class OutreachClaim
{
    public Guid PersonId { get; set; }

    /// <summary>The attempt holding the person; null when free.</summary>
    public Guid? AttemptId { get; set; }

    public string? AgentUserId { get; set; }

    /// <summary>A claim whose agent disappeared runs out at this time and the person is free again.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

internal sealed class OutreachClaimConfiguration : IEntityTypeConfiguration<OutreachClaim>
{
    public void Configure(EntityTypeBuilder<OutreachClaim> builder)
    {
        builder.ToTable("outreach_claims");
        builder.HasKey(c => c.PersonId);
        builder.Property(c => c.PersonId).ValueGeneratedNever();
        builder.Property(c => c.AgentUserId).HasMaxLength(450);
        // Releasing a claim names the attempt it releases: never someone else's newer claim.
        builder.Property(c => c.AttemptId).IsConcurrencyToken();
        builder.HasOne<Person>().WithOne().HasForeignKey<OutreachClaim>(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AttemptId);
    }
}
