namespace CareDesk.Features.ServiceLevels;

public enum ServiceClockState
{
    /// <summary>Less than the warning share of the target has elapsed.</summary>
    OnTrack,

    /// <summary>The warning share has elapsed, the target not yet.</summary>
    Warning,

    /// <summary>The target has elapsed.</summary>
    Breached,
}

/// <summary>
/// Business time: how much of it has elapsed since a start, and when a target of it elapses. Only open time of
/// the calendar counts, less the pauses. Everything is an instant in and a UTC instant out; the calendar does the
/// time-zone work. The clock walks open intervals (a day or a few per step), never minutes.
/// </summary>
public static class ServiceClock
{
    /// <summary>
    /// The instant when <paramref name="target"/> of business time has elapsed since <paramref name="start"/>;
    /// null when a pause with no end stops the clock before that. A clock started in closed time starts at the
    /// next opening.
    /// </summary>
    public static DateTimeOffset? DueAt(DateTimeOffset start, TimeSpan target, BusinessCalendar calendar, IReadOnlyList<ClockPause>? pauses = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target, TimeSpan.Zero);
        if (target == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var remaining = target;
        foreach (var running in Running(start, calendar, pauses))
        {
            if (running.Length >= remaining)
            {
                return running.Start + remaining;
            }

            remaining -= running.Length;
        }

        return null;
    }

    /// <summary>The instant when <paramref name="warnShare"/> (0 to 1, e.g. 0.8) of the target has elapsed.</summary>
    public static DateTimeOffset? WarnAt(DateTimeOffset start, TimeSpan target, double warnShare, BusinessCalendar calendar, IReadOnlyList<ClockPause>? pauses = null) =>
        DueAt(start, WarnTarget(target, warnShare), calendar, pauses);

    /// <summary>Business time elapsed between <paramref name="start"/> and <paramref name="now"/>.</summary>
    public static TimeSpan Elapsed(DateTimeOffset start, DateTimeOffset now, BusinessCalendar calendar, IReadOnlyList<ClockPause>? pauses = null)
    {
        var elapsed = TimeSpan.Zero;
        if (now <= start)
        {
            return elapsed;
        }

        foreach (var running in Running(start, calendar, pauses))
        {
            if (running.Start >= now)
            {
                break;
            }

            elapsed += (running.End < now ? running.End : now) - running.Start;
            if (running.End >= now)
            {
                break;
            }
        }

        return elapsed;
    }

    /// <summary>Where a clock with this target stands at <paramref name="now"/>.</summary>
    public static ServiceClockReading Read(
        DateTimeOffset start,
        TimeSpan target,
        double warnShare,
        DateTimeOffset now,
        BusinessCalendar calendar,
        IReadOnlyList<ClockPause>? pauses = null)
    {
        var elapsed = Elapsed(start, now, calendar, pauses);
        var paused = pauses?.Any(p => p.From <= now && (p.Until is null || p.Until > now)) ?? false;
        var warnTarget = WarnTarget(target, warnShare);
        var state = elapsed >= target ? ServiceClockState.Breached
            : elapsed >= warnTarget ? ServiceClockState.Warning
            : ServiceClockState.OnTrack;
        return new ServiceClockReading(
            elapsed,
            elapsed >= target ? TimeSpan.Zero : target - elapsed,
            DueAt(start, target, calendar, pauses),
            DueAt(start, warnTarget, calendar, pauses),
            state,
            paused);
    }

    private static TimeSpan WarnTarget(TimeSpan target, double warnShare)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(warnShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warnShare, 1);
        return TimeSpan.FromTicks((long)Math.Round(target.Ticks * warnShare, MidpointRounding.AwayFromZero));
    }

    /// <summary>The calendar's open intervals from the start on, less the pauses: the time the clock runs.</summary>
    private static IEnumerable<TimeInterval> Running(DateTimeOffset start, BusinessCalendar calendar, IReadOnlyList<ClockPause>? pauses)
    {
        var stops = Merge(pauses);
        var next = 0;
        foreach (var open in calendar.OpenIntervals(start))
        {
            var from = open.Start;
            // Pauses are ordered and disjoint; those ended before this interval are behind us for good.
            while (next < stops.Count && stops[next].End <= from)
            {
                next++;
            }

            for (var i = next; i < stops.Count && stops[i].Start < open.End; i++)
            {
                if (stops[i].Start > from)
                {
                    yield return new TimeInterval(from, stops[i].Start);
                }

                if (stops[i].End > from)
                {
                    from = stops[i].End;
                }
            }

            if (from < open.End)
            {
                yield return new TimeInterval(from, open.End);
            }
            else if (from == DateTimeOffset.MaxValue)
            {
                yield break;
            }
        }
    }

    private static List<TimeInterval> Merge(IReadOnlyList<ClockPause>? pauses)
    {
        var merged = new List<TimeInterval>();
        if (pauses is null)
        {
            return merged;
        }

        foreach (var pause in pauses
                     .Select(p => new TimeInterval(p.From.ToUniversalTime(), p.Until?.ToUniversalTime() ?? DateTimeOffset.MaxValue))
                     .Where(p => p.End > p.Start)
                     .OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && pause.Start <= merged[^1].End)
            {
                if (pause.End > merged[^1].End)
                {
                    merged[^1] = merged[^1] with { End = pause.End };
                }
            }
            else
            {
                merged.Add(pause);
            }
        }

        return merged;
    }
}
