namespace CareDesk.Relay;

/// <summary>
/// One log line when CareDesk stops accepting events and one when it accepts again, however many attempts failed in
/// between (a restart or an outage of its database would otherwise write a line per event per attempt).
/// </summary>
public sealed class OutageLog(TimeProvider time, ILogger<OutageLog> logger)
{
    private readonly Lock gate = new();
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

    public void AttemptFailed(string reason)
    {
        lock (gate)
        {
            failedAttempts++;
            if (since is not null)
            {
                logger.LogDebug("Attempt failed again: {Reason}.", reason);
                return;
            }

            since = time.GetUtcNow();
        }

        logger.LogWarning("CareDesk is not accepting events ({Reason}); they stay in the spool and are retried until it does.", reason);
    }

    public void Accepted()
    {
        DateTimeOffset began;
        long failed;
        lock (gate)
        {
            if (since is not { } start)
            {
                return;
            }

            (began, failed, since, failedAttempts) = (start, failedAttempts, null, 0);
        }

        logger.LogInformation(
            "CareDesk accepts events again after {Seconds:0.#} s; {Attempts} attempts failed meanwhile.",
            (time.GetUtcNow() - began).TotalSeconds, failed);
    }
}
