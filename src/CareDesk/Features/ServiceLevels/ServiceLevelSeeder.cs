using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// Sensible defaults at the first start (docs/service-levels.md): urgent cases and complaints on a 24/7 calendar,
/// the rest in office hours in Asia/Shanghai. Adds only into empty tables, so supervisors' edits are never undone.
/// </summary>
internal sealed class ServiceLevelSeeder(CareDeskDbContext db, TimeProvider time) : IDataSeeder
{
    public int Order => 30;

    public const string AlwaysOpen = "24x7";
    public const string ChinaOffice = "cn-office";

    /// <summary>
    /// China's statutory days of 2027 that fall on fixed dates. The lunar holidays, the bridging days and the moved
    /// working days come with the State Council's notice each winter; an administrator adds them (PublicHoliday has no China).
    /// </summary>
    internal static readonly DateOnly[] ChinaClosedDays2027 =
    [
        new(2027, 1, 1), new(2027, 5, 1), new(2027, 5, 2), new(2027, 10, 1), new(2027, 10, 2), new(2027, 10, 3),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await db.ServiceCalendars.AnyAsync(cancellationToken))
        {
            db.ServiceCalendars.Add(new ServiceCalendar { Id = AlwaysOpen, Name = "24/7", AlwaysOpen = true, UpdatedAt = now });
            var office = new ServiceCalendar
            {
                Id = ChinaOffice,
                Name = "China office hours / 中国工作时间",
                TimeZone = "Asia/Shanghai",
                ClosedDays = [.. ChinaClosedDays2027],
                UpdatedAt = now,
            };
            office.SetHours([.. Enumerable.Range(1, 5).SelectMany(d => new OfficeHours[]
            {
                new((DayOfWeek)d, new(9, 0), new(12, 0)),
                new((DayOfWeek)d, new(13, 0), new(18, 0)),
            })]);
            db.ServiceCalendars.Add(office);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.ServicePolicies.AnyAsync(cancellationToken))
        {
            ServicePolicy Policy(string? type, string? priority, string calendar, double firstResponse, double callback, double resolution) => new()
            {
                CaseType = type,
                Priority = priority,
                MatchKey = ServicePolicy.KeyOf(type, priority),
                CalendarId = calendar,
                FirstResponse = TimeSpan.FromHours(firstResponse),
                Callback = TimeSpan.FromHours(callback),
                Resolution = TimeSpan.FromHours(resolution),
                WarnShare = 0.8,
                UpdatedAt = now,
            };

            db.ServicePolicies.AddRange(
                Policy(null, null, ChinaOffice, 4, 4, 24),           // 4 business hours; resolution 3 office days of 8 h
                Policy(null, "high", ChinaOffice, 2, 2, 16),
                Policy(null, "urgent", AlwaysOpen, 0.5, 1, 24),      // night and weekend too
                Policy("complaint", null, AlwaysOpen, 2, 4, 120),   // complaints carry regulatory deadlines
                Policy("complaint", "urgent", AlwaysOpen, 0.5, 1, 24));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
