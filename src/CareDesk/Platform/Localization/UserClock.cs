using CareDesk.Platform.Identity;

namespace CareDesk.Platform.Localization;

/// <summary>Formats instants in the signed-in user's time zone.</summary>
public sealed class UserClock(TimeProvider time)
{
    public static TimeZoneInfo ZoneOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(CareDeskClaimsPrincipalFactory.TimeZoneClaim)?.Value is { } id
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.Utc;

    public DateTimeOffset Now(System.Security.Claims.ClaimsPrincipal user) =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), ZoneOf(user));

    public static string Format(DateTimeOffset instant, System.Security.Claims.ClaimsPrincipal user) =>
        Dates.Format(TimeZoneInfo.ConvertTime(instant, ZoneOf(user)).DateTime);
}
