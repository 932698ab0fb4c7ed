using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareDesk.Platform.Data;

/// <summary>
/// Knows whether the database is down, and says so once per outage. While it cannot be reached, requests are
/// answered 503 with <c>Retry-After</c> (Platform/Api's exception handler) and background passes wait for the next poll;
/// each of them reports here instead of logging a stack trace, so an outage under traffic is one warning line when
/// it starts and one information line when the first connection opens again, not one per request.
/// </summary>
public sealed class DatabaseOutage(TimeProvider time, ILogger<DatabaseOutage> logger) : IDbCommandInterceptor
{
    /// <summary>What a refused request is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private DateTimeOffset? since;
    private long refused;

    // When the outage was first seen, by the wall clock EF stamps on every command (CommandEventData.StartTime).
    private DateTimeOffset seenAt;

    // Read without the lock by every command that succeeds (the fast path while nothing is wrong).
    private volatile bool ongoing;

    public bool IsOngoing => ongoing;

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps) means the database cannot be reached or used at all,
    /// rather than that this request did something wrong.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection exceptions (08…), shutting down or starting up (57P01–57P03), too many connections (53300).
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                // Client side: refused or broken connections, timeouts.
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                // Busy or locked past the busy timeout, read-only, I/O error, cannot open the file.
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is 5 or 6 or 8 or 10 or 14;
                case DbException:
                    return false;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>Counts a request or pass refused for the outage; the first one starts it and is the one logged.</summary>
    public void Report(Exception exception, string where)
    {
        lock (gate)
        {
            refused++;
            if (since is not null)
            {
                return;
            }

            since = time.GetUtcNow();
            seenAt = TimeProvider.System.GetUtcNow(); // EF's clock, not the injected one: compared with StartTime
            ongoing = true;
        }

        // The kind of failure only: no stack trace, and no message (it may carry the server's address or a statement).
        logger.LogWarning(
            "Database unavailable ({Failure}, first seen by {Where}); answering 503 until it is reachable again",
            Describe(exception),
            where);
    }

    // A command that ran is what ends an outage (an opened connection is not: a pooled one opens without the server),
    // if it started after the outage was seen: one already under way on a connection opened before (SQLite reads on
    // a handle to a file that went away still succeed) proves nothing, and would split one outage into two.
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Reachable(eventData.StartTime);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Reachable(eventData.StartTime);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Reachable(eventData.StartTime);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Reachable(eventData.StartTime);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Reachable(eventData.StartTime);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Reachable(eventData.StartTime);
        return ValueTask.FromResult(result);
    }

    internal void Reachable(DateTimeOffset commandStarted)
    {
        if (!ongoing)
        {
            return;
        }

        DateTimeOffset started;
        long count;
        lock (gate)
        {
            if (since is not { } s || commandStarted < seenAt)
            {
                return;
            }

            started = s;
            count = refused;
            since = null;
            refused = 0;
            ongoing = false;
        }

        logger.LogInformation(
            "Database reachable again after {Seconds:0} s; {Refused} requests or passes were refused meanwhile",
            (time.GetUtcNow() - started).TotalSeconds,
            count);
    }

    private static string Describe(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return $"PostgreSQL {pg.SqlState}";
                case NpgsqlException npgsql:
                    return npgsql.InnerException is { } inner ? $"{nameof(NpgsqlException)}: {inner.GetType().Name}" : nameof(NpgsqlException);
                case SqliteException sqlite:
                    return $"SQLite error {sqlite.SqliteErrorCode}";
                default:
                    break;
            }
        }

        return exception.GetType().Name;
    }
}
