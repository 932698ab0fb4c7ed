namespace CareDesk.Features.ServiceLevels;

/// <summary>An interval of time [<see cref="Start"/>, <see cref="End"/>), in UTC.</summary>
public readonly record struct TimeInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}
