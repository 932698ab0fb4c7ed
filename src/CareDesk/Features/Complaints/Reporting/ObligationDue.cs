using System.Globalization;
using System.Security.Claims;
using CareDesk.Platform.Localization;

namespace CareDesk.Features.Complaints.Reporting;

/// <summary>
/// An obligation's due as a reader sees it: a day clock's legal last day as a date (that day is the receiving site's,
/// whatever the reader's zone), an hour clock's instant in the reader's zone. Never the wire's ISO text, and never
/// the stored <c>DueAt</c> of a day clock, which is the midnight <em>after</em> the last day.
/// </summary>
public static class ObligationDue
{
    public static string Format(string due, ClaimsPrincipal reader) =>
        DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Dates.Format(day)
            : DateTimeOffset.TryParse(due, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                ? UserClock.Format(instant, reader)
                : due;
}
