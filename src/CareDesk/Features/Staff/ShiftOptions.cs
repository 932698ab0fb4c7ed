using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Staff;

/// <summary>
/// The care center's two-shift 24/7 day (F26): the day shift starts at <see cref="DayStartsAt"/>, the night shift at
/// <see cref="NightStartsAt"/>, both local times in <see cref="TimeZone"/>. The shift template and the handover report
/// (F14) both read these boundaries.
/// </summary>
public sealed class ShiftOptions
{
    public const string Section = "Shifts";

    /// <summary>IANA zone of the shift boundaries, e.g. <c>Asia/Shanghai</c>.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeOnly DayStartsAt { get; set; } = new(8, 0);

    public TimeOnly NightStartsAt { get; set; } = new(20, 0);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The shift boundaries (UTC) in [from, to), in order.</summary>
    public IEnumerable<DateTimeOffset> BoundariesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var zone = Zone;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).Date).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).Date).AddDays(1);
        for (; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var start in new[] { DayStartsAt, NightStartsAt }.Order())
            {
                var local = day.ToDateTime(start);
                var instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
                if (instant >= from && instant < to)
                {
                    yield return instant.ToUniversalTime();
                }
            }
        }
    }
}
