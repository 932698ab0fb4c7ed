using System.Globalization;

namespace CareDesk.Platform.Localization;

/// <summary>A time zone as people read it on a page: its standard offset from UTC, not its IANA id.</summary>
public static class TimeZoneNames
{
    /// <summary>
    /// "UTC+08:00" for <c>Asia/Shanghai</c>, "UTC+01:00" for <c>Europe/Berlin</c> (standard time); the id itself when it is
    /// unknown. Not <see cref="TimeZoneInfo.DisplayName"/>: on Linux it is taken from ICU in the language of whoever first
    /// looked the zone up and then cached for the whole process, so half the readers would get the other language.
    /// </summary>
    public static string Of(string id)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return id;
        }

        var offset = zone.BaseUtcOffset;
        return string.Create(CultureInfo.InvariantCulture, $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}");
    }
}
