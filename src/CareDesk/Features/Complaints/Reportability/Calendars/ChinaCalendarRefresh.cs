using CareDesk.Platform.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareDesk.Features.Complaints.Reportability.Calendars;

/// <summary>
/// Puts the admins' edits of China's calendar in force: before the host listens (and before
/// <see cref="ChinaCalendarCheck"/> looks for missing years), then every <see cref="Interval"/>, so an edit saved on
/// another node reaches this one. The assessment itself never reads the database.
/// </summary>
internal sealed partial class ChinaCalendarRefresh(IServiceScopeFactory scopes, TimeProvider time, ILogger<ChinaCalendarRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReloadAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().SetSystem("calendar-refresh");
            await scope.ServiceProvider.GetRequiredService<ChinaCalendars>().ReloadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The calendar in force stays as it was; the next tick tries again.
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the edited years of China's calendar; the calendar in force is kept")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
