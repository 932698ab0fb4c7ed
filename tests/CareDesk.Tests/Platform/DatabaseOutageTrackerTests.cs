using CareDesk.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CareDesk.Tests.Platform;

/// <summary>How the outage tracker decides that one outage ended: by a command that started after it was seen.</summary>
public sealed class DatabaseOutageTrackerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly Lines lines = new();

    private DatabaseOutage NewTracker() => new(time, lines);

    [Fact]
    public void A_command_already_under_way_when_the_outage_was_seen_does_not_end_it()
    {
        var outage = NewTracker();
        var startedBefore = TimeProvider.System.GetUtcNow();

        outage.Report(new SqliteException("unable to open database file", 14), "GET /api/people");
        outage.Reachable(startedBefore.AddMilliseconds(-1));
        outage.Report(new SqliteException("unable to open database file", 14), "GET /api/contacts");

        Assert.True(outage.IsOngoing);
        Assert.Equal(["Warning: Database unavailable (SQLite error 14, first seen by GET /api/people); answering 503 until it is reachable again"], lines.Written);
    }

    [Fact]
    public void A_command_that_started_after_the_outage_was_seen_ends_it_with_one_line_and_the_next_failure_is_a_new_outage()
    {
        var outage = NewTracker();

        outage.Report(new SqliteException("unable to open database file", 14), "GET /api/people");
        outage.Report(new SqliteException("unable to open database file", 14), "GET /api/contacts");
        time.Advance(TimeSpan.FromSeconds(42));
        outage.Reachable(TimeProvider.System.GetUtcNow().AddSeconds(1));

        Assert.False(outage.IsOngoing);
        outage.Report(new SqliteException("database is locked", 5), "audit sealer");
        Assert.Equal(
            [
                "Warning: Database unavailable (SQLite error 14, first seen by GET /api/people); answering 503 until it is reachable again",
                "Information: Database reachable again after 42 s; 2 requests or passes were refused meanwhile",
                "Warning: Database unavailable (SQLite error 5, first seen by audit sealer); answering 503 until it is reachable again",
            ],
            lines.Written);
    }

    private sealed class Lines : ILogger<DatabaseOutage>
    {
        public List<string> Written { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Written.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
