using System.Text.Json;
using CareDesk.Features.ServiceLevels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Features.Cases;

/// <summary>
/// The service-level clocks of a case (F12), stored so lists read columns and never recompute clocks: the targets
/// copied from the policy when the case opened, the due and warn instants (recomputed with <see cref="ServiceClock"/>
/// only when a pause ends or the case reopens), when each was met, warned or breached, and the pauses.
/// </summary>
public sealed partial class Case
{
    public Guid? ServicePolicyId { get; set; }

    public string? ServiceCalendarId { get; set; }

    public double? ServiceWarnShare { get; set; }

    public TimeSpan? FirstResponseTarget { get; set; }

    public DateTimeOffset? FirstResponseDueAt { get; set; }

    public DateTimeOffset? FirstResponseWarnAt { get; set; }

    /// <summary>When someone first answered the customer (docs/service-levels.md says what counts).</summary>
    public DateTimeOffset? FirstRespondedAt { get; set; }

    public DateTimeOffset? FirstResponseWarnedAt { get; set; }

    public DateTimeOffset? FirstResponseBreachedAt { get; set; }

    public TimeSpan? ResolutionTarget { get; set; }

    public DateTimeOffset? ResolutionDueAt { get; set; }

    public DateTimeOffset? ResolutionWarnAt { get; set; }

    public DateTimeOffset? ResolutionWarnedAt { get; set; }

    public DateTimeOffset? ResolutionBreachedAt { get; set; }

    /// <summary>Since when the clocks stand still (waiting on the customer); null while they run.</summary>
    public DateTimeOffset? ClockPausedSince { get; set; }

    /// <summary>Ended pauses as JSON (<see cref="ClockPause"/>s): what a due time is recomputed from.</summary>
    public string? ClockPauses { get; set; }

    /// <summary>The soonest due instant of a clock still running; null while paused or when every clock is met.</summary>
    public DateTimeOffset? NextDueAt { get; set; }

    public IReadOnlyList<ClockPause> Pauses() =>
        ClockPauses is null ? [] : JsonSerializer.Deserialize<List<ClockPause>>(ClockPauses, JsonSerializerOptions.Web) ?? [];

    public void AddPause(ClockPause pause) => ClockPauses = JsonSerializer.Serialize(Pauses().Append(pause).ToList(), JsonSerializerOptions.Web);
}

internal sealed class CaseServiceLevelsConfiguration : IEntityTypeConfiguration<Case>
{
    // Must read exactly like the list queries' filter (SQLite uses a partial index only when the terms match).
    internal const string OpenFilter = "\"Status\" NOT IN ('Resolved', 'Closed')";

    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.ServiceCalendarId).HasMaxLength(64);
        builder.Property(c => c.ClockPauses).HasMaxLength(8000);
        // My work and team queues: open cases of one owner by next due time (1 M cases; only open rows indexed).
        builder.HasIndex(c => new { c.OwnerUserId, c.NextDueAt }).HasFilter(OpenFilter).HasDatabaseName("IX_cases_open_owner_user_next_due");
        builder.HasIndex(c => new { c.OwnerTeamId, c.NextDueAt }).HasFilter(OpenFilter).HasDatabaseName("IX_cases_open_owner_team_next_due");
    }
}
