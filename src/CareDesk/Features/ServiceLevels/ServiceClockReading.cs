namespace CareDesk.Features.ServiceLevels;

/// <summary>Where one service-level clock stands at a moment.</summary>
/// <param name="DueAt">When the target elapses; null while the clock is paused with no end.</param>
/// <param name="WarnAt">When the warning share elapses; null while paused with no end.</param>
public sealed record ServiceClockReading(
    TimeSpan Elapsed,
    TimeSpan Remaining,
    DateTimeOffset? DueAt,
    DateTimeOffset? WarnAt,
    ServiceClockState State,
    bool Paused);
