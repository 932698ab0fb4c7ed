namespace CareDesk.Features.Staff;

/// <summary>
/// The presence others see (F26). A user's own choice (available, busy, away, off shift) holds until their next shift
/// boundary — the start of a shift or the end of one. Without a choice since then: <c>available</c> during a work
/// shift, <c>off-shift</c> outside one. So an agent who set "away" at lunch is "available" again when the next shift
/// starts, and shows "off shift" once the shift ends, unless they say otherwise (e.g. "available" on an unplanned evening).
/// </summary>
public static class PresenceRule
{
    public const string Available = "available";
    public const string Busy = "busy";
    public const string Away = "away";
    public const string OffShift = "off-shift";

    public static readonly IReadOnlyList<string> All = [Available, Busy, Away, OffShift];

    /// <summary>How far back a last shift end is looked for; a choice made while off shift for longer than this stands.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(14);

    public static string Effective(StaffPresence? chosen, WorkShift? current, DateTimeOffset? lastShiftEnded) =>
        Holds(chosen, current, lastShiftEnded) ? chosen!.Status : current is null ? OffShift : Available;

    /// <summary>Whether the user's choice was made since their last shift boundary, so it still counts.</summary>
    public static bool Holds(StaffPresence? chosen, WorkShift? current, DateTimeOffset? lastShiftEnded)
    {
        var boundary = current?.StartsAt ?? lastShiftEnded;
        return chosen is not null && (boundary is null || chosen.SetAt >= boundary);
    }
}
