using System.ComponentModel.DataAnnotations;

namespace CareDesk.Features.NothingLost;

/// <summary>Section <c>NothingLost</c>: how long a case may sit in a status without a timeline entry.</summary>
public sealed class NothingLostOptions
{
    public const string Section = "NothingLost";

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan NewIdleAfter { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan InProgressIdleAfter { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan WaitingOnCustomerIdleAfter { get; set; } = TimeSpan.FromHours(72);

    /// <summary>Most findings one rule raises per scan: a flood (a whole night idle) shows its worst first, not a million rows.</summary>
    [Range(10, 100_000)]
    public int MaxFindingsPerRule { get; set; } = 1_000;

    /// <summary>Owner-off-shift: a user with a work shift this recently is a shift worker.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan ShiftWorkerWithin { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Owner-off-shift: how long after their shift ended an owner still counts as on shift (the handover).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan OffShiftGrace { get; set; } = TimeSpan.FromMinutes(30);
}
