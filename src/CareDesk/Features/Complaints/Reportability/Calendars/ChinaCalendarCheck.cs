using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>
/// At start-up, warns when China's calendar lacks the current or the next year: the State Council publishes the next
/// year's 放假调休 each November, and without it China's working days and roll-forwards fall back to plain weekends.
/// </summary>
internal sealed partial class ChinaCalendarCheck(RegulatoryCalendars calendars, TimeProvider time, ILogger<ChinaCalendarCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var year in MissingYears())
        {
            LogMissing(logger, year);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal IReadOnlyList<int> MissingYears()
    {
        var year = time.GetUtcNow().Year;
        return [.. new[] { year, year + 1 }.Where(y => !calendars.China.Covers(y))];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "China's statutory holidays and make-up working days for {Year} are missing: add the State Council notice to china-statutory-holidays.json (docs/regulatory.md); until then China's day counts for {Year} use weekends only.")]
    private static partial void LogMissing(ILogger logger, int year);
}
