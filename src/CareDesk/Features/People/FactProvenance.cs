
namespace CareDesk.Features.People;

/// <summary>
/// Every fact (contact point, address, relationship, device) remembers its source, and when and by whom it was
/// last confirmed. The profile marks facts not verified within the configured age as stale.
/// </summary>
public sealed record FactProvenance
{
    public FactSource Source { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>User id of whoever last confirmed it.</summary>
    public string? VerifiedBy { get; init; }

    /// <summary>The import that brought the fact, when one did (F3): the report's row tells which line of which file.</summary>
    public Guid? ImportId { get; init; }

    public static FactProvenance Recorded(FactSource source, DateTimeOffset at, string? verifiedBy = null) =>
        new() { Source = source, RecordedAt = at, VerifiedAt = verifiedBy is null ? null : at, VerifiedBy = verifiedBy };

    public FactProvenance Confirmed(DateTimeOffset at, string userId) => this with { VerifiedAt = at, VerifiedBy = userId };

    /// <summary>Not confirmed since <paramref name="maxAge"/> before <paramref name="now"/> (never confirmed counts from recording).</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan maxAge) => (VerifiedAt ?? RecordedAt) < now - maxAge;
}
