using Microsoft.Extensions.Localization;

namespace CareDesk.Platform.Localization;

/// <summary>
/// A length of time as people say it, in the reader's language and to the two largest units: "2 d 3 h", "45 min",
/// "2 天 3 小时", "45 分钟". Never a raw <see cref="TimeSpan"/> or ISO duration on screen.
/// </summary>
public static class Durations
{
    public static string Format(TimeSpan span, IStringLocalizer<SharedResource> text)
    {
        if (span < TimeSpan.Zero)
        {
            span = span.Negate();
        }

        if (span < TimeSpan.FromMinutes(1))
        {
            return text["Duration.UnderAMinute"];
        }

        var parts = new List<string>(2);
        if (span.Days > 0)
        {
            parts.Add(text["Duration.Days", span.Days]);
        }

        if (span.Hours > 0)
        {
            parts.Add(text["Duration.Hours", span.Hours]);
        }

        if (span.Days == 0 && span.Minutes > 0)
        {
            parts.Add(text["Duration.Minutes", span.Minutes]);
        }

        return string.Join(" ", parts.Take(2));
    }
}
