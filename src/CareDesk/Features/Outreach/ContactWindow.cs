using System.Globalization;
using System.Text.RegularExpressions;

namespace CareDesk.Features.Outreach;

/// <summary>
/// A daily window of wall-clock time in a person's time zone (quiet hours' complement, preferred hours, a campaign's
/// best time): whether an instant is inside, and if not, the first instant it opens — across midnight and daylight
/// saving changes (an opening time that does not exist that day is taken as the first moment after the gap).
/// </summary>
public readonly partial record struct ContactWindow(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly time) =>
        From <= To ? time >= From && time < To : time >= From || time < To;

    /// <summary>Null when <paramref name="now"/> is inside the window, else when it next opens.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (From == To || Contains(TimeOnly.FromDateTime(local.DateTime)))
        {
            return null;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= From)
        {
            day = day.AddDays(1);
        }

        return Instant(day.ToDateTime(From), zone);
    }

    /// <summary>The instant a wall-clock time happens in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Instant(DateTime wall, TimeZoneInfo zone)
    {
        // Spring forward: 02:30 does not exist; the clock shows 03:00 at the instant 02:00 would have been.
        var probe = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(probe))
        {
            probe = probe.AddMinutes(1);
        }

        // Fall back: 01:30 happens twice; the first is the earlier instant (the larger offset).
        var offset = zone.IsAmbiguousTime(probe) ? zone.GetAmbiguousTimeOffsets(probe).Max() : zone.GetUtcOffset(probe);
        return new DateTimeOffset(probe, offset).ToUniversalTime();
    }

    /// <summary>
    /// Reads a person's preferred hours as typed ("9-11", "09:00–11:30", "上午9点到11点", "下午2点至4点", "2pm-4pm");
    /// null when the text names no range of hours (it is then shown to the agent, not enforced).
    /// </summary>
    public static ContactWindow? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || HoursRange().Match(text) is not { Success: true } match)
        {
            return null;
        }

        // 下午/晚上 (afternoon, evening) make both hours p.m. unless 上午/早上 (morning) names the start; "pm" on the end hour carries over to a bare start hour
        // ("2-4pm"), never to one written with "am" ("9am-5pm").
        var afternoon = text.Contains("下午", StringComparison.Ordinal) || text.Contains("晚上", StringComparison.Ordinal);
        var morning = text.Contains("上午", StringComparison.Ordinal) || text.Contains("早上", StringComparison.Ordinal);
        static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        bool Pm(Group suffix) => suffix.Success ? suffix.Value.Equals("pm", StringComparison.OrdinalIgnoreCase) : afternoon;
        var (fromHour, toHour) = (Number(match.Groups["fh"]), Number(match.Groups["th"]));
        var toPm = Pm(match.Groups["ts"]);
        var fromPm = match.Groups["fs"].Success ? Pm(match.Groups["fs"]) : !morning && (afternoon || (toPm && fromHour <= toHour));
        fromHour += fromPm && fromHour < 12 ? 12 : 0;
        toHour += toPm && toHour < 12 ? 12 : 0;
        var (fromMinute, toMinute) = (Number(match.Groups["fm"]), Number(match.Groups["tm"]));
        if (fromHour > 23 || toHour > 24 || fromMinute > 59 || toMinute > 59)
        {
            return null;
        }

        return new ContactWindow(new TimeOnly(fromHour, fromMinute), toHour == 24 ? TimeOnly.MaxValue : new TimeOnly(toHour, toMinute));
    }

    [GeneratedRegex(@"(?<fh>\d{1,2})(?:[:：](?<fm>\d{2}))?\s*(?:[点時时]|(?<fs>[ap]m))?\s*(?:-|–|—|~|～|至|到|to)\s*(?:上午|下午|晚上|早上)?\s*(?<th>\d{1,2})(?:[:：](?<tm>\d{2}))?\s*(?:[点時时]|(?<ts>[ap]m))?", RegexOptions.IgnoreCase)]
    private static partial Regex HoursRange();
}
