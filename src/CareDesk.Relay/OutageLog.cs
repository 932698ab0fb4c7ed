namespace CareDesk.Relay;

/// <summary>
/// One log line when CareDesk stops accepting events and one when it accepts again, however many attempts failed in
/// between (a restart or an outage of its database would otherwise write a line per event per attempt).
/// Attempts run side by side, so their answers come back out of order: an answer only changes the state when its attempt
/// started after the one that last changed it. A request that was already in flight when CareDesk went down and still
/// got its 200 does not end the outage, and a late failure from before the recovery does not start a new one.
/// </summary>
public sealed class OutageLog(TimeProvider time, ILogger<OutageLog> logger)
{
    private readonly Lock gate = new();
    private long lastAttempt;
    private long decidedBy;
    private DateTimeOffset? since;
    private long failedAttempts;

    public bool InOutage
    {
        get
        {
            lock (gate)
            {
                return since is not null;
            }
        }
    }

    /// <summary>Numbers an attempt as it starts; hand the number back with its outcome.</summary>
    public long Attempting() => Interlocked.Increment(ref lastAttempt);

    public void AttemptFailed(long attempt, string reason)
    {
        lock (gate)
        {
            if (since is not null || attempt < decidedBy)
            {
                failedAttempts += since is null ? 0 : 1;
                logger.LogDebug("Attempt failed: {Reason}.", reason);
                return;
            }

            (since, decidedBy, failedAttempts) = (time.GetUtcNow(), attempt, 1);
        }

        logger.LogWarning("CareDesk is not accepting events ({Reason}); they stay in the spool and are retried until it does.", reason);
    }

    public void Accepted(long attempt)
    {
        DateTimeOffset began;
        long failed;
        lock (gate)
        {
            if (since is not { } start || attempt < decidedBy)
            {
                return;
            }

            (began, failed, since, decidedBy) = (start, failedAttempts, null, attempt);
        }

        logger.LogInformation(
            "CareDesk accepts events again after {Seconds:0.#} s; {Attempts} attempts failed meanwhile.",
            (time.GetUtcNow() - began).TotalSeconds, failed);
    }
}
