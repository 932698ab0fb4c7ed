using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>When quality is warned ahead of a report's last day (<c>Obligations</c> section).</summary>
public sealed class ObligationOptions
{
    public const string Section = "Obligations";

    /// <summary>How long before the end of a day clock's last day the warning goes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan WarningAhead { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long before an hour clock's due instant (China's 12 and 24 hours) the warning goes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan HourClockWarningAhead { get; set; } = TimeSpan.FromHours(6);
}
