using CareDesk.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Platform.Scheduling;

/// <summary>
/// A timer to set (or clear) written in the same transaction as the state it guards: an escalation and its deadline
/// commit together or not at all. <see cref="DurableTimers.ApplyRequestedAsync"/> hands committed requests to the
/// scheduler right after the commit, and <see cref="TimerRequestSweeper"/> again at start and every interval, so a
/// node that dies between the commit and the scheduler loses no deadline.
/// </summary>
[NotAudited]
public sealed class TimerRequest
{
    public long Id { get; set; }

    /// <summary>The job type as <c>Namespace.Type, Assembly</c> (no version: a request survives an upgrade).</summary>
    public required string JobType { get; set; }

    public required string Key { get; set; }

    /// <summary>When the timer fires; null clears the timer.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The job's data as a JSON object of strings.</summary>
    public string? Data { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
}

internal sealed class TimerRequestConfiguration : IEntityTypeConfiguration<TimerRequest>
{
    public void Configure(EntityTypeBuilder<TimerRequest> builder)
    {
        builder.ToTable("timer_requests");
        builder.Property(r => r.JobType).HasMaxLength(300);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.Data).HasMaxLength(4000);
    }
}
