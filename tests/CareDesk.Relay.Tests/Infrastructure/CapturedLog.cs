using Microsoft.Extensions.Logging;

namespace CareDesk.Relay.Tests.Infrastructure;

/// <summary>What the relay logs, kept for assertions; <see cref="WhenLoggedAsync"/> waits for a line instead of sleeping.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly Lock gate = new();
    private readonly List<(LogLevel Level, string Message)> lines = [];
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Logged)> waiters = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Lines
    {
        get
        {
            lock (gate)
            {
                return [.. lines];
            }
        }
    }

    public int Count(string fragment) => Lines.Count(line => line.Message.Contains(fragment, StringComparison.Ordinal));

    public Task WhenLoggedAsync(string fragment)
    {
        lock (gate)
        {
            var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (lines.Any(line => line.Message.Contains(fragment, StringComparison.Ordinal)))
            {
                logged.SetResult();
            }
            else
            {
                waiters.Add((message => message.Contains(fragment, StringComparison.Ordinal), logged));
            }

            return logged.Task;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string message)
    {
        lock (gate)
        {
            lines.Add((level, message));
            foreach (var waiter in waiters.Where(w => w.Matches(message)).ToList())
            {
                waiter.Logged.TrySetResult();
                waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && category.StartsWith("CareDesk.Relay", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Add(logLevel, formatter(state, exception));
            }
        }
    }
}
