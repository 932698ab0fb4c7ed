namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// A time the clock stood still (the case was waiting on the customer): from <see cref="From"/> until
/// <see cref="Until"/>, or still now when <see cref="Until"/> is null.
/// </summary>
public readonly record struct ClockPause(DateTimeOffset From, DateTimeOffset? Until);
